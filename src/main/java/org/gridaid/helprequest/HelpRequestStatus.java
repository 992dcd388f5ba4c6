package org.gridaid.helprequest;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands, with the label a resident reads on the tracking page. */
public enum HelpRequestStatus {
  RECEIVED("已受理"),
  AWAITING_GRID("待指定网格"),
  ASSIGNED("已派单"),
  IN_PROGRESS("处理中"),
  ON_HOLD("暂缓处理(等待居民)"),
  HANDLED("已处置, 待回访"),
  CLOSED("已办结"),
  CLOSED_UNREACHABLE("无法联系, 已办结"),
  CANCELLED("已撤销"),
  LINKED("已并入在办诉求");

  static final Set<HelpRequestStatus> FINISHED = EnumSet.of(CLOSED, CLOSED_UNREACHABLE, CANCELLED, LINKED);

  private final String label;

  HelpRequestStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return !FINISHED.contains(this);
  }
}
