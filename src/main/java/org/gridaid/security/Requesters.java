package org.gridaid.security;

import java.util.List;
import org.gridaid.organisation.StaffService;
import org.gridaid.shared.Coverage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Turns the signed-in principal into a {@link Requester}: an outside system covers no grid (it
 * sees only what it sent), an administrator every grid, a staff member the grids of their area.
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
      return new Requester(id, true, Coverage.NOWHERE, List.of());
    }
    boolean admin = hasAuthority(authentication, "ROLE_ADMIN");
    return new Requester(id, false, admin ? Coverage.EVERYWHERE : staff.coverageOf(id),
        CamundaAuthenticationProvider.groups(authentication));
  }

  /** The grid staff and grid leader of a grid: those who serve its households. */
  public boolean servesGrid(Requester requester, String gridCode) {
    return !requester.partner() && staff.servesGrid(requester.id(), gridCode);
  }

  private static boolean hasAuthority(Authentication authentication, String authority) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
  }
}
