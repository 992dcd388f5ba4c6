package org.gridaid.medicine;

import java.util.stream.Collectors;

/**
 * The delivery as the task forms show it: whom to bring what, from where. Staff working the
 * delivery see the recipient's full details; the confirmation code is never shown: the
 * recipient gives it at the door.
 */
final class DeliverySummary {

  private DeliverySummary() {}

  static String of(MedicineDelivery delivery, MedicineDeliveryService service) {
    StringBuilder summary = new StringBuilder()
        .append("送药单 #").append(delivery.id()).append(" [").append(delivery.urgency().label()).append("] ")
        .append(delivery.recipient().name()).append(" ").append(delivery.recipient().phone()).append("\n")
        .append("地址: ").append(delivery.recipient().address());
    if (delivery.requestedItems() != null) {
      summary.append("\n需要: ").append(delivery.requestedItems());
    }
    if (delivery.hasLines()) {
      summary.append("\n药品:\n").append(delivery.lines().stream()
          .map(line -> "  " + line.lineNo() + ". " + service.itemName(line.itemCode()) + " × " + line.quantity()
              + (line.coldChain() ? " [冷链]" : "")
              + (line.prescriptionOnly() ? " [处方药, " + line.decision().label()
                  + (line.decision() == LineDecision.CHANGED ? " → " + line.approvedQuantity() : "") + "]" : "")
              + (line.siteCode() != null ? " 取药点: " + service.siteName(line.siteCode()) : ""))
          .collect(Collectors.joining("\n")));
    }
    if (delivery.deliveryAttempts() > 0) {
      summary.append("\n已上门未遇 ").append(delivery.deliveryAttempts()).append(" 次");
    }
    return summary.toString();
  }
}
