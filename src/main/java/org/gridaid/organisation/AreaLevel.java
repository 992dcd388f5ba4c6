package org.gridaid.organisation;

/** The levels of the grid hierarchy, top down. */
public enum AreaLevel {
  DISTRICT("区"),
  STREET("街道/镇"),
  COMMUNITY("社区/村"),
  GRID("网格"),
  MINIMAL_UNIT("最小单元");

  private final String label;

  AreaLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The level an area of this level hangs under; null for the top. */
  public AreaLevel parent() {
    return ordinal() == 0 ? null : values()[ordinal() - 1];
  }
}
