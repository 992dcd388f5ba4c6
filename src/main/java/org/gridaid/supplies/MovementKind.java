package org.gridaid.supplies;

import org.gridaid.shared.validation.Labelled;

/**
 * What a movement does to the stock of its site and item. Its quantity is always positive; the
 * kind says which way it counts on hand and reserved, and this is the only place that says so.
 * A movement that changes on hand belongs to a batch (stock_lot); RESERVE and RELEASE promise
 * the item and belong to none.
 */
public enum MovementKind implements Labelled {
  RECEIVE("入库", 1, 0),
  RESERVE("预留", 0, 1),
  RELEASE("释放预留", 0, -1),
  /** From a reservation: what leaves the site, out of what was promised. */
  ISSUE("出库", -1, -1),
  /** Goods issued from a reservation that came back (not delivered). */
  RETURN("退回入库", 1, 0),
  ADJUST_IN("盘盈调整", 1, 0),
  ADJUST_OUT("盘亏/报损调整", -1, 0),
  TRANSFER_OUT("调出", -1, 0),
  TRANSFER_IN("调入", 1, 0);

  private final String label;
  private final int onHand;
  private final int reserved;

  MovementKind(String label, int onHand, int reserved) {
    this.label = label;
    this.onHand = onHand;
    this.reserved = reserved;
  }

  @Override
  public String label() {
    return label;
  }

  /** +1, -1 or 0: how a movement of this kind counts on hand. */
  public int onHandSign() {
    return onHand;
  }

  /** +1, -1 or 0: how a movement of this kind counts what is reserved. */
  public int reservedSign() {
    return reserved;
  }

  /** Whether a movement of this kind changes on hand, and so belongs to a batch. */
  public boolean movesGoods() {
    return onHand != 0;
  }
}
