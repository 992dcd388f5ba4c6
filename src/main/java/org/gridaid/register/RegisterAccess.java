package org.gridaid.register;

import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.web.ForbiddenException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see what in the register: staff see the households of the grids they cover, with
 * phones and ID numbers masked; the grid staff and grid leader who serve a household may
 * reveal them, giving a reason that is recorded.
 */
@Component
class RegisterAccess {

  private final Requesters requesters;
  private final RegisterService register;

  RegisterAccess(Requesters requesters, RegisterService register) {
    this.requesters = requesters;
    this.register = register;
  }

  /** The grids the caller covers; administrators cover everywhere. */
  Coverage coverage(Authentication caller) {
    return requesters.of(caller).coverage();
  }

  void checkCovers(Authentication caller, String gridCode, String what, long id) {
    if (!coverage(caller).covers(gridCode)) {
      throw new NotFoundException(what, String.valueOf(id));
    }
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
