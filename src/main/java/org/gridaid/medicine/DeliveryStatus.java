package org.gridaid.medicine;

import java.util.Arrays;
import java.util.List;

/** Where a delivery stands, with the words staff and residents read. */
public enum DeliveryStatus {
  /** Registered; the pharmacy lists the medicines asked for. */
  REQUESTED("待药房开列药品", true),
  AWAITING_PRESCRIPTION("待处方审核", true),
  /** Nothing (or not enough) in stock anywhere near: the pharmacy and the warehouse source it. */
  AWAITING_STOCK("药品调配中", true),
  /** Reserved at a site; offered to the street's volunteers. */
  RESERVED("已备药, 待接单", true),
  CLAIMED("已接单, 待取药", true),
  PICKED_UP("配送中", true),
  DELIVERED("已送达", false),
  NOT_DELIVERED("未能送达", false),
  /** Every line refused at the prescription check. */
  REFUSED("处方未通过", false),
  UNAVAILABLE("无法调配", false),
  CANCELLED("已撤销", false);

  private final String label;
  private final boolean open;

  DeliveryStatus(String label, boolean open) {
    this.label = label;
    this.open = open;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return open;
  }

  /** Stock is reserved but not yet handed to a courier: a cancellation releases it. */
  boolean holdsReservations() {
    return this == AWAITING_STOCK || this == RESERVED || this == CLAIMED;
  }

  static List<String> openCodes() {
    return Arrays.stream(values()).filter(DeliveryStatus::isOpen).map(Enum::name).toList();
  }
}
