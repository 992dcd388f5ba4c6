package org.gridaid.medicine;

/** Who asked for the delivery. */
public enum DeliverySource {
  /** A grid worker's 需要送药 on a help request, which waits for the delivery. */
  HELP_REQUEST,
  /** An operator's start form in Tasklist. */
  TASKLIST,
  /** Over REST: a clinic (API key) or staff. */
  API
}
