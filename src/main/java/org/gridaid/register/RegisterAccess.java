package org.gridaid.register;

import static org.gridaid.organisation.StaffRole.COMMUNITY;
import static org.gridaid.organisation.StaffRole.GRID_LEADER;
import static org.gridaid.organisation.StaffRole.GRID_STAFF;
import static org.gridaid.organisation.StaffRole.STREET;

import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.web.ForbiddenException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see and change what in the register, in one place. Seeing and changing are separate:
 *
 * <pre>
 * see (masked)      staff whose work covers the grid: its grid staff and leader, the community
 *                   and street offices of their area; the hotline, medical team and district
 *                   command everywhere; the administrator everywhere
 * see unmasked      the grid staff and grid leader of the household's own grid, with a reason,
 *                   which is recorded
 * create, change,   those who keep the register: the grid staff and grid leader of their grid,
 * import            the community and street offices for the grids of their area, the
 *                   administrator everywhere. The hotline, the medical team and the district
 *                   command see the register but do not change it
 * </pre>
 *
 * <p>A household or person the caller may not see is answered as if it did not exist (404);
 * a change by somebody who sees it but does not keep the register is refused with 403.
 */
@Component
class RegisterAccess {

  private final Requesters requesters;
  private final RegisterService register;

  RegisterAccess(Requesters requesters, RegisterService register) {
    this.requesters = requesters;
    this.register = register;
  }

  /** The grids the caller sees; administrators see everywhere. */
  Coverage coverage(Authentication caller) {
    return requesters.of(caller).coverage();
  }

  void checkCovers(Authentication caller, String gridCode, String what, long id) {
    if (!coverage(caller).covers(gridCode)) {
      throw new NotFoundException(what, String.valueOf(id));
    }
  }

  /**
   * The grids the caller may write to: their own area's for those who keep the register,
   * every grid for an administrator; 403 for everybody else, whatever they see.
   */
  Coverage writable(Authentication caller) {
    Requester requester = requesters.of(caller);
    if (!keepsRegister(requester)) {
      throw new ForbiddenException("Only the grid staff, grid leaders, community and street offices keep the"
          + " register of their area");
    }
    return requester.coverage();
  }

  private static boolean keepsRegister(Requester requester) {
    return requester.admin() || requester.hasRole(GRID_STAFF, GRID_LEADER, COMMUNITY, STREET);
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
    Requester requester = requesters.of(caller);
    if (!requester.servesGrid(gridCode)) {
      throw new ForbiddenException("Only the grid staff serving this household see unmasked data");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "is required to see unmasked personal data");
    }
    if (reason.length() > 500) {
      throw new InvalidInputException("reason", "must be at most 500 characters");
    }
    register.recordAccess(requester.id(), subject, id, fields, reason.strip());
    return true;
  }
}
