package org.gridaid.medicine;

import java.time.Instant;
import java.util.List;
import org.gridaid.shared.PhoneNumbers;

/**
 * A delivery over REST: status, lines and timeline for whoever may see it; the recipient's phone
 * masked for outside systems; the confirmation code only for whoever asked for it (and the
 * hotline); staff's names and words, and what was asked for in words, only for staff.
 */
record MedicineDeliveryView(long id, DeliveryStatus status, String statusLabel, DeliverySource source,
    Long helpRequestId, String recipientName, String recipientPhone, String recipientAddress, String gridCode,
    String requestedItems, Urgency urgency, String confirmationCode, String courier, Instant requestedAt,
    Instant reservedAt, Instant pickedUpAt, Instant closedAt, String closeReason, List<Line> lines,
    List<Entry> timeline) {

  record Line(int lineNo, String itemCode, String itemName, int quantity, boolean prescriptionOnly,
      boolean coldChain, String prescribedBy, LineDecision decision, Integer approvedQuantity, String siteCode,
      Integer accepted, Integer refused) {}

  record Entry(Instant at, DeliveryEventType type, String text, String actor, String detail) {}

  static MedicineDeliveryView of(MedicineDelivery d, List<DeliveryEvent> events, boolean staffView,
      boolean readsCode, MedicineDeliveryService service) {
    List<Line> lines = d.lines().stream().map(line -> new Line(line.lineNo(), line.itemCode(),
        service.itemName(line.itemCode()), line.quantity(), line.prescriptionOnly(), line.coldChain(),
        staffView ? line.prescribedBy() : null, line.decision(), line.approvedQuantity(), line.siteCode(),
        line.accepted(), line.refused())).toList();
    List<Entry> timeline = events.stream().map(e -> new Entry(e.at(), e.type(), e.type().text(),
        staffView ? e.actor() : null, staffView ? e.detail() : null)).toList();
    return new MedicineDeliveryView(d.id(), d.status(), d.status().label(), d.source(), d.helpRequestId(),
        d.recipient().name(), staffView ? d.recipient().phone() : PhoneNumbers.mask(d.recipient().phone()),
        d.recipient().address(), d.gridCode(), staffView ? d.requestedItems() : null, d.urgency(),
        readsCode ? d.confirmationCode() : null,
        staffView ? d.courier() : null, d.requestedAt(), d.reservedAt(), d.pickedUpAt(), d.closedAt(),
        staffView ? d.closeReason() : null, lines, timeline);
  }
}
