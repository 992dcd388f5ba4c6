package org.gridaid.organisation;

/**
 * One node of the hierarchy. {@code kind} tells a community (社区) from a village (村);
 * {@code address} is how residents name a minimal unit (银泉花园3栋).
 */
public record Area(String code, String parentCode, AreaLevel level, String name, String kind,
    String address, int sortOrder) {

  public boolean isGrid() {
    return level == AreaLevel.GRID;
  }
}
