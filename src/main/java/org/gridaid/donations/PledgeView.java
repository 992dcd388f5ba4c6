package org.gridaid.donations;

import java.time.Instant;
import java.time.LocalDate;
import org.gridaid.shared.PhoneNumbers;

/** A pledge of goods as the desk and the one who sent it see it: the phone masked. */
record PledgeView(long id, long appealId, String itemCode, int quantity, String siteCode, LocalDate promisedOn,
    String donorName, String donorPhone, boolean anonymous, PledgeStatus status, String statusLabel,
    int timesExtended, Integer receivedQuantity, Integer refusedQuantity, String refusedReason, LocalDate expiry,
    String cancelReason, String receiptNumber, String pledgedBy, Instant pledgedAt, String checkedInBy,
    Instant checkedInAt) {

  static PledgeView of(Pledge p) {
    return new PledgeView(p.id(), p.appealId(), p.itemCode(), p.quantity(), p.siteCode(), p.promisedOn(),
        p.donor().name(), p.donor().phone() == null ? null : PhoneNumbers.mask(p.donor().phone()),
        p.donor().anonymous(), p.status(), p.status().label(), p.timesExtended(), p.receivedQuantity(),
        p.refusedQuantity(), p.refusedReason(), p.expiry(), p.cancelReason(), p.receiptCode(), p.pledgedBy(),
        p.pledgedAt(), p.checkedInBy(), p.checkedInAt());
  }
}
