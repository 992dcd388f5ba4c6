package org.gridaid.security;

import java.util.Arrays;
import org.gridaid.organisation.StaffRole;
import org.gridaid.shared.Coverage;

/**
 * Who sends an API request: an outside system by its key, an administrator, or a staff member
 * in a role, with the area they serve and the grids their work lets them see. Not to be
 * confused with a resident who calls.
 *
 * <p>What a requester may <em>see</em> is their {@link #coverage()}; what they may <em>do</em>
 * is decided by each module's policy from the role and area here (the help request's
 * {@code CaseActions}, the register's {@code RegisterAccess}): seeing a grid is not leave to act
 * in it.
 *
 * @param id the staff user id, or {@code api-key:<name>} for an outside system
 * @param role the staff member's role; null for an outside system, for an administrator who
 *     is not in the staff register, and for somebody no longer active
 * @param areaCode the area the role serves (a grid, community, street or the district); null
 *     for roles without one
 */
public record Requester(String id, boolean partner, boolean admin, StaffRole role, String areaCode,
    Coverage coverage) {

  /** May see what happens in the grid: it is one of the grids their work covers. */
  public boolean covers(String gridCode) {
    return coverage.covers(gridCode);
  }

  /** The grid staff or grid leader of this very grid: those who serve its households. */
  public boolean servesGrid(String gridCode) {
    return gridCode != null && gridCode.equals(areaCode) && hasRole(StaffRole.GRID_STAFF, StaffRole.GRID_LEADER);
  }

  /** A staff member in one of these roles (an outside system or a plain administrator is none). */
  public boolean hasRole(StaffRole... roles) {
    return role != null && Arrays.asList(roles).contains(role);
  }
}
