package org.gridaid.helprequest;

import org.gridaid.shared.Coverage;
import org.gridaid.organisation.StaffService;
import org.springframework.security.core.Authentication;

/**
 * Who calls the API: an outside system (by its key) sees only what it submitted; staff see
 * the cases of the grids they cover, administrators everything.
 */
record Caller(String id, boolean partner, Coverage coverage) {

  static Caller of(Authentication authentication, StaffService staff) {
    String name = authentication.getName();
    boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    if (authentication.getAuthorities().stream().anyMatch(a -> "ROLE_PARTNER".equals(a.getAuthority()))) {
      return new Caller(name, true, Coverage.NOWHERE);
    }
    return new Caller(name, false, admin ? Coverage.EVERYWHERE : staff.coverageOf(name));
  }

  boolean maySee(HelpRequest request) {
    return partner ? id.equals(request.submittedBy()) : coverage.covers(request.gridCode());
  }

  /** Staff who work the case see the caller's full details; others see them masked. */
  boolean seesPersonalData(HelpRequest request) {
    return !partner && maySee(request);
  }
}
