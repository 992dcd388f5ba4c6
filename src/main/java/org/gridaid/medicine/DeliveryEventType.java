package org.gridaid.medicine;

/** Kinds of entries on a delivery's timeline, with the words the requester reads. */
public enum DeliveryEventType {
  REQUESTED("已收到送药需求"),
  LISTED("药房已开列药品"),
  PRESCRIPTION_CHECKED("处方已审核"),
  PHARMACY_OVERDUE("药房处理超时, 已报街道督办"),
  AWAITING_STOCK("库存不足, 药品调配中"),
  SOURCING_OVERDUE("调配超时, 已报街道督办"),
  RESERVED("药品已备好"),
  OFFERED_TO_GRID("无人接单, 已转网格员"),
  CLAIMED("配送员已接单"),
  UNCLAIMED("配送员已放弃接单"),
  PICKED_UP("配送员已取药"),
  NOT_AT_HOME("上门未遇"),
  HANDED_TO_GRID("多次未遇, 已转网格员送达"),
  DELIVERY_LATE("配送超时, 已报街道督办"),
  COLD_CHAIN_LATE("冷链药品超时未送达, 已报街道"),
  SUPERVISED("街道已督办"),
  DELIVERED("已送达"),
  NOT_DELIVERED("未能送达, 药品已退回"),
  REFUSED("处方未通过"),
  UNAVAILABLE("无法调配"),
  CANCELLED("已撤销");

  private final String text;

  DeliveryEventType(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** The step that ends a delivery, one way or the other. */
  public boolean endsDelivery() {
    return this == DELIVERED || this == NOT_DELIVERED || this == REFUSED || this == UNAVAILABLE || this == CANCELLED;
  }
}
