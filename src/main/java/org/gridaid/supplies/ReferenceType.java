package org.gridaid.supplies;

import org.gridaid.shared.validation.Labelled;

/** What a movement or a reservation belongs to: the case, delivery, campaign or donation. */
public enum ReferenceType implements Labelled {
  HELP_REQUEST("热线诉求"),
  MEDICINE_DELIVERY("送医送药"),
  CAMPAIGN("物资发放活动"),
  DONATION("捐赠"),
  PURCHASE("采购"),
  ALLOCATION("上级调拨"),
  STOCKTAKE("盘点");

  private final String label;

  ReferenceType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
