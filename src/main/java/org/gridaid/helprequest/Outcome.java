package org.gridaid.helprequest;

/**
 * What the grid worker records on the handling task (form field {@code outcome}). The first
 * four finish the handling and lead to the call-back; the last two send the case round again.
 */
public enum Outcome {
  RESOLVED("已解决"),
  NEEDS_MEDICINE("需送药上门"),
  TRANSFERRED("已转相关部门"),
  UNREACHABLE("联系不上居民"),
  ON_HOLD("等待居民(暂缓)"),
  REROUTE("不属本网格, 改派");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  boolean finishesHandling() {
    return this != ON_HOLD && this != REROUTE;
  }
}
