package org.gridaid.shared;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/**
 * The grids a person's work covers: everywhere (the district, administrators) or a set of grid
 * codes, possibly none. Every "may this person see or change grid X" question goes through it.
 */
public record Coverage(boolean everywhere, Set<String> gridCodes) {

  public static final Coverage EVERYWHERE = new Coverage(true, Set.of());
  public static final Coverage NOWHERE = new Coverage(false, Set.of());

  public Coverage {
    gridCodes = Set.copyOf(gridCodes);
  }

  public static Coverage of(Set<String> gridCodes) {
    return new Coverage(false, gridCodes);
  }

  public boolean covers(String gridCode) {
    return everywhere || (gridCode != null && gridCodes.contains(gridCode));
  }

  /** Whether it covers no grid at all: a query of the covered grids' rows finds nothing. */
  public boolean coversNothing() {
    return !everywhere && gridCodes.isEmpty();
  }

  /**
   * The SQL condition that limits {@code gridColumn} to the covered grids, {@code " and <column>
   * in (:grids)"} with the parameter {@code grids} put into {@code params}; empty for everywhere.
   */
  public String sqlCondition(String gridColumn, Map<String, Object> params) {
    if (everywhere) {
      return "";
    }
    params.put("grids", new ArrayList<>(gridCodes));
    return " and " + gridColumn + " in (:grids)";
  }

  /** Only the given grid, if it is covered; otherwise none. */
  public Coverage narrowedTo(String gridCode) {
    return covers(gridCode) ? of(Set.of(gridCode)) : NOWHERE;
  }
}
