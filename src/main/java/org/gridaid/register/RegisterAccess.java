package org.gridaid.register;

import org.gridaid.shared.Coverage;
import org.gridaid.organisation.StaffRole;
import org.gridaid.organisation.StaffService;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see what in the register: staff see the households of the grids they cover, with
 * phones and ID numbers masked; the grid staff and grid leader who serve a household may
 * reveal them, giving a reason that is recorded.
 */
@Component
class RegisterAccess {

  private final StaffService staff;
  private final RegisterService register;

  RegisterAccess(StaffService staff, RegisterService register) {
    this.staff = staff;
    this.register = register;
  }

  /** The grids the caller covers; administrators cover everywhere. */
  Coverage coverage(Authentication caller) {
    return isAdmin(caller) ? Coverage.EVERYWHERE : staff.coverageOf(caller.getName());
  }

  void checkCovers(Authentication caller, String gridCode, String what, long id) {
    if (!coverage(caller).covers(gridCode)) {
      throw new NotFoundException(what, String.valueOf(id));
    }
  }

  /** Grid staff and the grid leader of the household's own grid. */
  boolean serves(Authentication caller, String gridCode) {
    return staff.find(caller.getName())
        .filter(member -> member.active() && gridCode.equals(member.areaCode())
            && (member.role() == StaffRole.GRID_STAFF || member.role() == StaffRole.GRID_LEADER))
        .isPresent();
  }

  /**
   * Whether to show unmasked values: only when asked, with a reason, by someone who serves the
   * grid; the read is recorded.
   */
  boolean reveal(Authentication caller, boolean asked, String reason, String gridCode, String subject, long id,
      String fields) {
    if (!asked) {
      return false;
    }
    if (!serves(caller, gridCode)) {
      throw new AccessDeniedException("Only the grid staff serving this household see unmasked data");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "is required to see unmasked personal data");
    }
    if (reason.length() > 500) {
      throw new InvalidInputException("reason", "must be at most 500 characters");
    }
    register.recordAccess(caller.getName(), subject, id, fields, reason.strip());
    return true;
  }

  private static boolean isAdmin(Authentication caller) {
    return caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
  }
}
