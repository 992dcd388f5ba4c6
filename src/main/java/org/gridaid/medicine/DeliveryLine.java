package org.gridaid.medicine;

/**
 * One medicine of a delivery: what was asked for, the prescription check's answer, where it is
 * reserved, and at the door what the recipient accepted and refused (their sum is what was
 * handed over). Changed only through {@link MedicineDelivery}.
 */
final class DeliveryLine {

  private final int lineNo;
  private final String itemCode;
  private final int quantity;
  private final boolean prescriptionOnly;
  private final boolean coldChain;
  private final String prescribedBy;
  private LineDecision decision;
  private Integer approvedQuantity;
  private String decisionReason;
  private String decidedBy;
  private Long reservationId;
  private String siteCode;
  private Integer accepted;
  private Integer refused;
  private String refusalReason;

  DeliveryLine(int lineNo, String itemCode, int quantity, boolean prescriptionOnly, boolean coldChain,
      String prescribedBy) {
    this(lineNo, itemCode, quantity, prescriptionOnly, coldChain, prescribedBy,
        prescriptionOnly ? LineDecision.PENDING : LineDecision.NOT_NEEDED, prescriptionOnly ? null : quantity, null,
        null, null, null, null, null, null);
  }

  /** A line as it was stored. */
  DeliveryLine(int lineNo, String itemCode, int quantity, boolean prescriptionOnly, boolean coldChain,
      String prescribedBy, LineDecision decision, Integer approvedQuantity, String decisionReason, String decidedBy,
      Long reservationId, String siteCode, Integer accepted, Integer refused, String refusalReason) {
    this.lineNo = lineNo;
    this.itemCode = itemCode;
    this.quantity = quantity;
    this.prescriptionOnly = prescriptionOnly;
    this.coldChain = coldChain;
    this.prescribedBy = prescribedBy;
    this.decision = decision;
    this.approvedQuantity = approvedQuantity;
    this.decisionReason = decisionReason;
    this.decidedBy = decidedBy;
    this.reservationId = reservationId;
    this.siteCode = siteCode;
    this.accepted = accepted;
    this.refused = refused;
    this.refusalReason = refusalReason;
  }

  void decide(LineDecision answer, Integer changedQuantity, String reason, String actor) {
    decision = answer;
    approvedQuantity = switch (answer) {
      case APPROVED -> quantity;
      case CHANGED -> changedQuantity;
      default -> 0;
    };
    decisionReason = reason;
    decidedBy = actor;
  }

  void reserved(long reservation, String site) {
    reservationId = reservation;
    siteCode = site;
  }

  void handedOver(int acceptedQuantity, int refusedQuantity, String reason) {
    accepted = acceptedQuantity;
    refused = refusedQuantity;
    refusalReason = reason;
  }

  /** What goes to the door: nothing of a refused line. */
  int toDeliver() {
    return approvedQuantity == null ? 0 : approvedQuantity;
  }

  boolean goesToTheDoor() {
    return toDeliver() > 0;
  }

  boolean needsReservation() {
    return goesToTheDoor() && reservationId == null;
  }

  int lineNo() {
    return lineNo;
  }

  String itemCode() {
    return itemCode;
  }

  int quantity() {
    return quantity;
  }

  boolean prescriptionOnly() {
    return prescriptionOnly;
  }

  boolean coldChain() {
    return coldChain;
  }

  String prescribedBy() {
    return prescribedBy;
  }

  LineDecision decision() {
    return decision;
  }

  Integer approvedQuantity() {
    return approvedQuantity;
  }

  String decisionReason() {
    return decisionReason;
  }

  String decidedBy() {
    return decidedBy;
  }

  Long reservationId() {
    return reservationId;
  }

  String siteCode() {
    return siteCode;
  }

  Integer accepted() {
    return accepted;
  }

  Integer refused() {
    return refused;
  }

  String refusalReason() {
    return refusalReason;
  }
}
