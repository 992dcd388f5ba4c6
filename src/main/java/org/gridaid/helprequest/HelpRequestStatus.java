package org.gridaid.helprequest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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

  private static final Set<HelpRequestStatus> FINISHED = EnumSet.of(CLOSED, CLOSED_UNREACHABLE, CANCELLED, LINKED);
  /** Waiting for the grid (or an operator), so its deadlines count: not on hold, not yet handled. */
  private static final Set<HelpRequestStatus> ON_THE_CLOCK = EnumSet.of(RECEIVED, AWAITING_GRID, ASSIGNED,
      IN_PROGRESS);

  private final String label;

  HelpRequestStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Not yet closed, cancelled or merged into another case. */
  public boolean isOpen() {
    return !FINISHED.contains(this);
  }

  public boolean isOnTheClock() {
    return ON_THE_CLOCK.contains(this);
  }

  private static final List<String> OPEN_CODES = Arrays.stream(values()).filter(HelpRequestStatus::isOpen)
      .map(Enum::name).toList();
  private static final List<String> ON_THE_CLOCK_CODES = ON_THE_CLOCK.stream().map(Enum::name).toList();

  /** The codes of the open statuses, for queries. */
  static List<String> openCodes() {
    return OPEN_CODES;
  }

  /** The codes of the statuses on the clock, for queries. */
  static List<String> onTheClockCodes() {
    return ON_THE_CLOCK_CODES;
  }
}
