package org.gridaid.organisation;

import java.util.Set;

/** The grids whose cases a staff member may see: everywhere, or a set of grid codes. */
public record Coverage(boolean everywhere, Set<String> gridCodes) {

  public static final Coverage EVERYWHERE = new Coverage(true, Set.of());
  public static final Coverage NOWHERE = new Coverage(false, Set.of());

  public boolean covers(String gridCode) {
    return everywhere || (gridCode != null && gridCodes.contains(gridCode));
  }
}
