package org.gridaid.supplies;

import java.time.LocalDate;

/** The stock of one batch of an item at a site; batch '' holds the goods received without one. */
record Lot(String batch, LocalDate expiry, int onHand) {

  static final String NO_BATCH = "";

  static String key(String batch) {
    return batch == null ? NO_BATCH : batch;
  }

  /** The batch as movements and views name it: null for goods without one. */
  String name() {
    return batch.isEmpty() ? null : batch;
  }
}
