package org.gridaid.donations;

import org.gridaid.shared.validation.Labelled;

/** Whether the money of an entry arrived: a refund or correction is confirmed when it is recorded. */
enum GiftStatus implements Labelled {
  AWAITING_CONFIRMATION("待确认到账"),
  CONFIRMED("已到账"),
  NOT_RECEIVED("未到账");

  private final String label;

  GiftStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
