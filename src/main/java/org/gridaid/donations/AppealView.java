package org.gridaid.donations;

import java.time.Instant;
import java.util.List;

/**
 * An appeal as the API shows it. Money ({@code unit} 元) as yuan with two decimals, goods in the
 * item's unit; {@code progress} as the counters hold it at the moment of reading.
 */
record AppealView(long id, String title, AppealKind kind, String kindLabel, String itemCode, String itemName,
    String unit, Number target, Instant deadline, List<SiteView> sites, String areaCode, AppealStatus status,
    String statusLabel, String openedBy, Instant openedAt, String closedBy, Instant closedAt, ProgressView progress) {

  record SiteView(String code, String name) {}

  /**
   * Pledged, received and the target, in the appeal's unit; {@code pledges}: how many pledges
   * count; {@code targetReached}: pledged is at least the target.
   */
  record ProgressView(Number pledged, Number received, Number target, int pledges, boolean targetReached,
      Instant targetReachedAt) {}
}
