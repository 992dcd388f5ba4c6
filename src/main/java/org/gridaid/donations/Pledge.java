package org.gridaid.donations;

import java.time.Instant;
import java.time.LocalDate;
import org.gridaid.shared.web.ConflictException;

/**
 * A pledge of goods: a donor promises a quantity of the appeal's item at one of its sites by a
 * date. The site checks the delivery in (what arrived may differ; damaged goods are refused with
 * a reason); not delivered by the date, the desk calls the donor and extends the date or cancels.
 */
final class Pledge {

  private Long id;
  private int version;
  private final long appealId;
  private final String itemCode;
  private final int quantity;
  private final String siteCode;
  private LocalDate promisedOn;
  private final Gift.Donor donor;
  private PledgeStatus status;
  private int timesExtended;
  private Integer receivedQuantity;
  private Integer refusedQuantity;
  private String refusedReason;
  private LocalDate expiry;
  private String cancelReason;
  private Integer receiptYear;
  private Integer receiptNumber;
  private final String pledgedBy;
  private final Instant pledgedAt;
  private final String idempotencyKey;
  private final String requestHash;
  private String checkedInBy;
  private Instant checkedInAt;

  record Stored(long id, int version, long appealId, String itemCode, int quantity, String siteCode,
      LocalDate promisedOn, Gift.Donor donor, PledgeStatus status, int timesExtended, Integer receivedQuantity,
      Integer refusedQuantity, String refusedReason, LocalDate expiry, String cancelReason, Integer receiptYear,
      Integer receiptNumber, String pledgedBy, Instant pledgedAt, String idempotencyKey, String requestHash,
      String checkedInBy, Instant checkedInAt) {}

  /** What the site found: how much it took into stock, how much it refused and why, the expiry. */
  record CheckIn(int received, int refused, String refusedReason, LocalDate expiry) {}

  private Pledge(long appealId, String itemCode, int quantity, String siteCode, LocalDate promisedOn,
      Gift.Donor donor, String pledgedBy, Instant pledgedAt, String idempotencyKey, String requestHash) {
    this.appealId = appealId;
    this.itemCode = itemCode;
    this.quantity = quantity;
    this.siteCode = siteCode;
    this.promisedOn = promisedOn;
    this.donor = donor;
    this.pledgedBy = pledgedBy;
    this.pledgedAt = pledgedAt;
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
    this.status = PledgeStatus.PLEDGED;
  }

  Pledge(Stored s) {
    this(s.appealId(), s.itemCode(), s.quantity(), s.siteCode(), s.promisedOn(), s.donor(), s.pledgedBy(),
        s.pledgedAt(), s.idempotencyKey(), s.requestHash());
    id = s.id();
    version = s.version();
    status = s.status();
    timesExtended = s.timesExtended();
    receivedQuantity = s.receivedQuantity();
    refusedQuantity = s.refusedQuantity();
    refusedReason = s.refusedReason();
    expiry = s.expiry();
    cancelReason = s.cancelReason();
    receiptYear = s.receiptYear();
    receiptNumber = s.receiptNumber();
    checkedInBy = s.checkedInBy();
    checkedInAt = s.checkedInAt();
  }

  static Pledge pledge(long appealId, String itemCode, int quantity, String siteCode, LocalDate promisedOn,
      Gift.Donor donor, String actor, Instant at, String idempotencyKey, String requestHash) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("A pledge is of at least one unit");
    }
    return new Pledge(appealId, itemCode, quantity, siteCode, promisedOn, donor, actor, at, idempotencyKey,
        requestHash);
  }

  /** The site checked the delivery in; the receipt is numbered if anything was taken into stock. 409 unless pledged. */
  void checkIn(CheckIn found, int year, Integer number, String actor, Instant at) {
    requirePledged();
    status = PledgeStatus.DELIVERED;
    receivedQuantity = found.received();
    refusedQuantity = found.refused();
    refusedReason = found.refusedReason();
    expiry = found.expiry();
    receiptYear = number == null ? null : year;
    receiptNumber = number;
    checkedInBy = actor;
    checkedInAt = at;
  }

  /** The donor will deliver later: a new date, after the one missed. 409 unless pledged. */
  void extend(LocalDate newDate) {
    requirePledged();
    if (!newDate.isAfter(promisedOn)) {
      throw new ConflictException("An extension is to a date after " + promisedOn);
    }
    promisedOn = newDate;
    timesExtended++;
  }

  /** The donor will not deliver. 409 unless pledged. */
  void cancel(String reason) {
    requirePledged();
    status = PledgeStatus.CANCELLED;
    cancelReason = reason;
  }

  private void requirePledged() {
    if (status != PledgeStatus.PLEDGED) {
      throw new ConflictException("The pledge is " + status.label() + " already");
    }
  }

  void inserted(long newId) {
    id = newId;
  }

  void updated() {
    version++;
  }

  String receiptCode() {
    return receiptNumber == null ? null : ReceiptNumbers.code(receiptYear, receiptNumber);
  }

  Long id() {
    return id;
  }

  int version() {
    return version;
  }

  long appealId() {
    return appealId;
  }

  String itemCode() {
    return itemCode;
  }

  int quantity() {
    return quantity;
  }

  String siteCode() {
    return siteCode;
  }

  LocalDate promisedOn() {
    return promisedOn;
  }

  Gift.Donor donor() {
    return donor;
  }

  PledgeStatus status() {
    return status;
  }

  int timesExtended() {
    return timesExtended;
  }

  Integer receivedQuantity() {
    return receivedQuantity;
  }

  Integer refusedQuantity() {
    return refusedQuantity;
  }

  String refusedReason() {
    return refusedReason;
  }

  LocalDate expiry() {
    return expiry;
  }

  String cancelReason() {
    return cancelReason;
  }

  Integer receiptYear() {
    return receiptYear;
  }

  Integer receiptNumber() {
    return receiptNumber;
  }

  String pledgedBy() {
    return pledgedBy;
  }

  Instant pledgedAt() {
    return pledgedAt;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  String requestHash() {
    return requestHash;
  }

  String checkedInBy() {
    return checkedInBy;
  }

  Instant checkedInAt() {
    return checkedInAt;
  }
}
