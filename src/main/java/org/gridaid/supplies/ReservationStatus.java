package org.gridaid.supplies;

import org.gridaid.shared.validation.Labelled;

/** A reservation is open until it is released or issued; either happens once. */
public enum ReservationStatus implements Labelled {
  OPEN("已预留"),
  RELEASED("已释放"),
  ISSUED("已出库");

  private final String label;

  ReservationStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
