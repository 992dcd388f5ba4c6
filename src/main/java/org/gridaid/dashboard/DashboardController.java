package org.gridaid.dashboard;

import org.gridaid.security.Requesters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The board's figures for outside systems and staff: the same as Cockpit's 督办看板, for the same areas. */
@RestController
class DashboardController {

  private final Dashboard dashboard;
  private final Requesters requesters;

  DashboardController(Dashboard dashboard, Requesters requesters) {
    this.dashboard = dashboard;
    this.requesters = requesters;
  }

  @GetMapping("/api/v1/dashboard")
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:" + DashboardApiOperations.READ + "')")
  Board board(Authentication authentication) {
    return dashboard.board(DashboardAccess.coverage(requesters.of(authentication)));
  }
}
