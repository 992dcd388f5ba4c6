package org.gridaid.carepacks;

import org.gridaid.shared.validation.Labelled;

/** Where a grid of a campaign is; the round a door is recorded in follows from it. */
public enum GridStatus implements Labelled {
  AWAITING_STOCK("等待补货", 0),
  PREPARING("仓库备货", 0),
  DELIVERING("入户发放", 1),
  FOLLOW_UP("二次上门", 2),
  LEADER_FOLLOW_UP("网格长跟进", 3),
  COMPLETED("已完成", 0);

  static final int LEADER_ROUND = 3;

  private final String label;
  private final int round;

  GridStatus(String label, int round) {
    this.label = label;
    this.round = round;
  }

  @Override
  public String label() {
    return label;
  }

  /** The attempt a door recorded now counts as: 0 when the grid does not deliver (yet, or any more). */
  int round() {
    return round;
  }
}
