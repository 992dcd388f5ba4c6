package org.gridaid.shared;

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

  /** Only the given grid, if it is covered; otherwise none. */
  public Coverage narrowedTo(String gridCode) {
    return covers(gridCode) ? of(Set.of(gridCode)) : NOWHERE;
  }
}
