package org.gridaid.donations;

import java.math.BigDecimal;
import java.time.Instant;
import org.gridaid.shared.PhoneNumbers;

/**
 * A money entry as the desk, finance and the platform see it: the amount in yuan (negative for a
 * refund or a correction down), the donor's name as given, phone and ID number masked.
 */
record GiftView(long id, Long appealId, EntryKind entryKind, String entryKindLabel, Long correctsId,
    GiftChannel channel, String channelLabel, BigDecimal amount, String donorName, String donorPhone,
    String donorIdNumber, boolean anonymous, String transactionId, GiftStatus status, String statusLabel,
    String reason, String receiptNumber, String recordedBy, Instant recordedAt, String confirmedBy,
    Instant confirmedAt) {

  static GiftView of(Gift g) {
    Gift.Donor d = g.donor();
    return new GiftView(g.id(), g.appealId(), g.entryKind(), g.entryKind().label(), g.correctsId(), g.channel(),
        g.channel().label(), Money.yuan(g.amountFen()), d.name(),
        d.phone() == null ? null : PhoneNumbers.mask(d.phone()), maskedIdNumber(d.idNumber()), d.anonymous(),
        g.transactionId(), g.status(), g.status().label(), g.reason(), g.receiptCode(), g.recordedBy(),
        g.recordedAt(), g.confirmedBy(), g.confirmedAt());
  }

  static String maskedIdNumber(String idNumber) {
    return idNumber == null ? null : "*".repeat(idNumber.length() - 4) + idNumber.substring(idNumber.length() - 4);
  }
}
