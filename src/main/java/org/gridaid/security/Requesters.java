package org.gridaid.security;

import java.util.Optional;
import org.gridaid.organisation.Groups;
import org.gridaid.organisation.Staff;
import org.gridaid.organisation.StaffService;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.engine.WebappUsers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Turns the signed-in principal into a {@link Requester}: an outside system covers no grid (it
 * sees only what it sent), an administrator every grid, a staff member the grids of their role
 * and area (see {@link StaffService#coverageOf}).
 */
@Component
public class Requesters {

  private final StaffService staff;

  Requesters(StaffService staff) {
    this.staff = staff;
  }

  public Requester of(Authentication authentication) {
    String id = authentication.getName();
    if (hasAuthority(authentication, "ROLE_PARTNER")) {
      return new Requester(id, true, false, null, null, Coverage.NOWHERE);
    }
    return staffMember(id, hasAuthority(authentication, "ROLE_ADMIN"));
  }

  /**
   * Whoever is signed in to Camunda's webapps for the engine, for a webapp plugin's resource: the
   * webapps' session holds the user and their Camunda groups, not a Spring Security principal.
   */
  public Optional<Requester> signedInToWebapps(String engineName) {
    return WebappUsers.current(engineName).map(user -> staffMember(user.id(), user.groupIds().contains(Groups.ADMIN)));
  }

  private Requester staffMember(String id, boolean admin) {
    Optional<Staff> member = staff.find(id).filter(Staff::active);
    Coverage coverage = admin ? Coverage.EVERYWHERE : member.map(staff::coverageOf).orElse(Coverage.NOWHERE);
    return new Requester(id, false, admin, member.map(Staff::role).orElse(null),
        member.map(Staff::areaCode).orElse(null), coverage);
  }

  /**
   * A staff member known by user id only (a process step run for whoever started it in
   * Tasklist): their role, area and coverage; nobody's administrator rights, which come from a
   * sign-in, not from the register.
   */
  public Requester ofUser(String userId) {
    return staffMember(userId, false);
  }

  private static boolean hasAuthority(Authentication authentication, String authority) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
  }
}
