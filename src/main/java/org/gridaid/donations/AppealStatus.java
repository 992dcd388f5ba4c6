package org.gridaid.donations;

import org.gridaid.shared.validation.Labelled;

/** An appeal takes pledges while it is open, also past its target; closed, it takes none. */
enum AppealStatus implements Labelled {
  OPEN("征集中"),
  CLOSED("已结束");

  private final String label;

  AppealStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
