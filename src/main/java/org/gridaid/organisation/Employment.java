package org.gridaid.organisation;

/** Full-time (专职) or part-time (兼职) grid staff; other roles are full-time. */
public enum Employment {
  FULL_TIME("专职"),
  PART_TIME("兼职");

  private final String label;

  Employment(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
