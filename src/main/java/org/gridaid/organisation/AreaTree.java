package org.gridaid.organisation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridaid.organisation.GridResolution.AreaRef;
import org.gridaid.organisation.GridResolution.MatchedBy;

/** An immutable snapshot of the hierarchy with the indexes that look-ups need. */
final class AreaTree {

  private final Map<String, Area> byCode = new LinkedHashMap<>();
  private final Map<String, List<Area>> childrenByParent = new HashMap<>();
  private final List<Area> roots = new ArrayList<>();
  private final List<UnitKey> unitKeys = new ArrayList<>();

  private record UnitKey(String normalizedAddress, Area unit) {}

  AreaTree(List<Area> areas) {
    Comparator<Area> order = Comparator.comparingInt(Area::sortOrder).thenComparing(Area::code);
    areas.stream().sorted(order).forEach(area -> {
      byCode.put(area.code(), area);
      if (area.parentCode() == null) {
        roots.add(area);
      } else {
        childrenByParent.computeIfAbsent(area.parentCode(), k -> new ArrayList<>()).add(area);
      }
      if (area.level() == AreaLevel.MINIMAL_UNIT && area.address() != null && !area.address().isBlank()) {
        unitKeys.add(new UnitKey(normalize(area.address()), area));
      }
    });
  }

  Optional<Area> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  List<Area> roots() {
    return Collections.unmodifiableList(roots);
  }

  List<Area> children(String code) {
    return childrenByParent.getOrDefault(code, List.of());
  }

  /** From the top of the hierarchy down to the area itself. */
  List<Area> path(String code) {
    List<Area> path = new ArrayList<>();
    for (Area a = byCode.get(code); a != null; a = byCode.get(a.parentCode())) {
      path.add(0, a);
    }
    return path;
  }

  /** The grid a grid or minimal-unit code belongs to. */
  Optional<GridResolution> resolveCode(String code) {
    return find(code).flatMap(area -> switch (area.level()) {
      case GRID -> Optional.of(resolution(area, null, MatchedBy.GRID_CODE));
      case MINIMAL_UNIT -> find(area.parentCode()).map(grid -> resolution(grid, area, MatchedBy.MINIMAL_UNIT_CODE));
      default -> Optional.empty();
    });
  }

  /**
   * The minimal units whose address appears in the text. A unit whose address is part of
   * another match's address is dropped; naming the community or street breaks ties between
   * equal addresses. Units of several grids mean the address is ambiguous.
   */
  List<Area> unitsMatching(String address) {
    String text = normalize(address);
    List<UnitKey> matched = unitKeys.stream().filter(key -> text.contains(key.normalizedAddress())).toList();
    List<UnitKey> specific = matched.stream()
        .filter(key -> matched.stream().noneMatch(other -> other != key
            && other.normalizedAddress().length() > key.normalizedAddress().length()
            && other.normalizedAddress().contains(key.normalizedAddress())))
        .toList();
    if (specific.isEmpty()) {
      return List.of();
    }
    Map<UnitKey, Integer> bonus = new HashMap<>();
    specific.forEach(key -> bonus.put(key, namedAncestors(key.unit(), text)));
    int best = Collections.max(bonus.values());
    return specific.stream()
        .filter(key -> bonus.get(key) == best)
        .map(UnitKey::unit)
        .sorted(Comparator.comparing(Area::code))
        .toList();
  }

  Optional<GridResolution> resolveAddress(String address) {
    List<Area> units = unitsMatching(address);
    if (units.isEmpty() || units.stream().map(Area::parentCode).distinct().count() > 1) {
      return Optional.empty();
    }
    Area unit = units.get(0);
    return find(unit.parentCode()).map(grid -> resolution(grid, units.size() == 1 ? unit : null, MatchedBy.ADDRESS));
  }

  /** 2 when the text names the unit's community, plus 1 when it names its street. */
  private int namedAncestors(Area unit, String text) {
    int named = 0;
    for (Area ancestor : path(unit.code())) {
      if (ancestor.level() == AreaLevel.COMMUNITY && text.contains(normalize(ancestor.name()))) {
        named += 2;
      } else if (ancestor.level() == AreaLevel.STREET && text.contains(normalize(ancestor.name()))) {
        named += 1;
      }
    }
    return named;
  }

  private GridResolution resolution(Area grid, Area unit, MatchedBy matchedBy) {
    List<AreaRef> path = path(unit != null ? unit.code() : grid.code()).stream().map(AreaRef::of).toList();
    return new GridResolution(grid.code(), grid.name(), unit == null ? null : unit.code(), matchedBy, path);
  }

  /** Full-width to half-width, no spaces, common words for "building" made one. */
  static String normalize(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    n = n.replace("号楼", "栋").replace("幢", "栋").replace("号栋", "栋");
    return n.toUpperCase(Locale.ROOT);
  }
}
