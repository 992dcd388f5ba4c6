package org.gridaid.security;

import java.util.List;
import org.gridaid.shared.Coverage;

/**
 * Who sends an API request: an outside system by its key, or a staff member (an administrator
 * is one) with the grids their work covers. Not to be confused with a resident who calls.
 *
 * @param id the staff user id, or {@code api-key:<name>} for an outside system
 * @param groups the staff member's Camunda groups, under which engine calls are made for them
 */
public record Requester(String id, boolean partner, Coverage coverage, List<String> groups) {

  public boolean covers(String gridCode) {
    return coverage.covers(gridCode);
  }
}
