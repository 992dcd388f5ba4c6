package org.gridaid.organisation;

import java.util.List;

/**
 * The grid an address, minimal-unit code or grid code belongs to, with the path from the
 * district down. {@code minimalUnitCode} is null when only the grid is known.
 */
public record GridResolution(String gridCode, String gridName, String minimalUnitCode,
    MatchedBy matchedBy, List<AreaRef> path) {

  public enum MatchedBy { GRID_CODE, MINIMAL_UNIT_CODE, ADDRESS }

  public record AreaRef(String code, String name, AreaLevel level) {
    static AreaRef of(Area area) {
      return new AreaRef(area.code(), area.name(), area.level());
    }
  }

  /** The code of the area at the given level on the path (street, community, ...). */
  public String codeAt(AreaLevel level) {
    return path.stream().filter(a -> a.level() == level).map(AreaRef::code).findFirst().orElse(null);
  }
}
