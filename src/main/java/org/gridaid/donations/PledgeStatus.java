package org.gridaid.donations;

import org.gridaid.shared.validation.Labelled;

/** A goods pledge waits for its delivery, which the site checks in; or it is cancelled. */
enum PledgeStatus implements Labelled {
  PLEDGED("已认捐待送达"),
  DELIVERED("已签收入库"),
  CANCELLED("已取消");

  private final String label;

  PledgeStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
