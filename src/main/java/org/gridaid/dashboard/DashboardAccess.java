package org.gridaid.dashboard;

import static org.gridaid.organisation.StaffRole.COMMUNITY;
import static org.gridaid.organisation.StaffRole.DISTRICT_COMMAND;
import static org.gridaid.organisation.StaffRole.GRID_LEADER;
import static org.gridaid.organisation.StaffRole.STREET;

import org.gridaid.security.Requester;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.web.ForbiddenException;

/**
 * Who sees the dashboard, and which areas of it. The supervisors of the escalation chain see the
 * areas they cover: the district command and administrators the whole district, a street or
 * community office its area, a grid leader their grid. An outside system whose key is allowed
 * {@code dashboard:read} sees the whole district: the board holds counts, never a resident.
 * Everybody else (grid staff, the hotline, the medical team, ...) works cases rather than
 * supervising them and gets 403.
 */
final class DashboardAccess {

  static final String RULE = "Only the supervisors (grid leaders, the community and street offices, the district"
      + " command) and administrators see the dashboard";

  private DashboardAccess() {}

  /** The grids the requester sees on the board; 403 for those who see no board. */
  static Coverage coverage(Requester who) {
    if (who.partner() || who.admin()) {
      return Coverage.EVERYWHERE;
    }
    if (!who.hasRole(DISTRICT_COMMAND, STREET, COMMUNITY, GRID_LEADER)) {
      throw new ForbiddenException(RULE);
    }
    return who.coverage();
  }
}
