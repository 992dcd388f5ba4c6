package org.gridaid.donations;

import java.time.Instant;
import org.gridaid.shared.web.ConflictException;

/**
 * A money entry: a gift, or a refund or correction of one. A gift waits for its money to be
 * confirmed (by the platform's callback, or by finance for what the desk recorded) and is then
 * given the next receipt number of the year; a confirmed entry is never changed again: a refund or
 * a correction is a new entry ({@link #refund}, {@link #correction}) with a signed amount.
 */
final class Gift {

  private Long id;
  private int version;
  private final Long appealId;
  private final EntryKind entryKind;
  private final Long correctsId;
  private final GiftChannel channel;
  private final long amountFen;
  private final Donor donor;
  private final String transactionId;
  private final String reason;
  private final String recordedBy;
  private final Instant recordedAt;
  private GiftStatus status;
  private Integer receiptYear;
  private Integer receiptNumber;
  private String confirmedBy;
  private Instant confirmedAt;
  private String idempotencyKey;
  private String requestHash;

  /** Who gave: name, phone and ID number are personal data (stored encrypted). */
  record Donor(String name, String phone, String idNumber, boolean anonymous) {

    static final Donor NONE = new Donor(null, null, null, false);
  }

  record Stored(long id, int version, Long appealId, EntryKind entryKind, Long correctsId, GiftChannel channel,
      long amountFen, Donor donor, String transactionId, GiftStatus status, String reason, Integer receiptYear,
      Integer receiptNumber, String recordedBy, Instant recordedAt, String confirmedBy, Instant confirmedAt,
      String idempotencyKey, String requestHash) {}

  private Gift(Long appealId, EntryKind entryKind, Long correctsId, GiftChannel channel, long amountFen, Donor donor,
      String transactionId, GiftStatus status, String reason, String recordedBy, Instant recordedAt) {
    this.appealId = appealId;
    this.entryKind = entryKind;
    this.correctsId = correctsId;
    this.channel = channel;
    this.amountFen = amountFen;
    this.donor = donor;
    this.transactionId = transactionId;
    this.status = status;
    this.reason = reason;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  Gift(Stored s) {
    this(s.appealId(), s.entryKind(), s.correctsId(), s.channel(), s.amountFen(), s.donor(), s.transactionId(),
        s.status(), s.reason(), s.recordedBy(), s.recordedAt());
    this.id = s.id();
    this.version = s.version();
    this.receiptYear = s.receiptYear();
    this.receiptNumber = s.receiptNumber();
    this.confirmedBy = s.confirmedBy();
    this.confirmedAt = s.confirmedAt();
    this.idempotencyKey = s.idempotencyKey();
    this.requestHash = s.requestHash();
  }

  /** A gift whose money is still to be confirmed. */
  static Gift received(Long appealId, GiftChannel channel, long amountFen, Donor donor, String transactionId,
      String actor, Instant at) {
    if (amountFen <= 0) {
      throw new IllegalArgumentException("A gift is at least a fen");
    }
    return new Gift(appealId, EntryKind.GIFT, null, channel, amountFen, donor, transactionId,
        GiftStatus.AWAITING_CONFIRMATION, null, actor, at);
  }

  /**
   * Money of a confirmed gift given back: at most what is left of it ({@code left}, fen, after
   * earlier refunds and corrections). 409 for a gift not confirmed or with nothing left.
   */
  Gift refund(long fen, long left, String why, String actor, Instant at) {
    requireConfirmedGift();
    if (fen <= 0 || fen > left) {
      throw new ConflictException("A refund is at most what is left of the gift (" + Money.yuan(left) + " yuan)");
    }
    return correctionEntry(EntryKind.REFUND, -fen, why, actor, at);
  }

  /**
   * The amount recorded was wrong by {@code deltaFen} (signed): an entry of its own. What is left
   * of the gift may not become negative (409).
   */
  Gift correction(long deltaFen, long left, String why, String actor, Instant at) {
    requireConfirmedGift();
    if (deltaFen == 0 || left + deltaFen < 0) {
      throw new ConflictException("A correction changes the gift and leaves it at least 0 (" + Money.yuan(left)
          + " yuan are left)");
    }
    return correctionEntry(EntryKind.CORRECTION, deltaFen, why, actor, at);
  }

  private Gift correctionEntry(EntryKind kind, long fen, String why, String actor, Instant at) {
    Gift entry = new Gift(appealId, kind, id, channel, fen, Donor.NONE, null, GiftStatus.CONFIRMED, why, actor, at);
    entry.confirmedBy = actor;
    entry.confirmedAt = at;
    return entry;
  }

  private void requireConfirmedGift() {
    if (entryKind != EntryKind.GIFT) {
      throw new ConflictException("Only a gift is refunded or corrected, not a " + entryKind.label() + " entry");
    }
    if (status != GiftStatus.CONFIRMED) {
      throw new ConflictException("Only a gift whose money arrived is refunded or corrected");
    }
  }

  /** The money arrived: the receipt is numbered. 409 unless it was awaited ({@link #needsConfirmation}). */
  void confirm(int year, int number, String actor, Instant at) {
    if (!needsConfirmation()) {
      throw new ConflictException("The gift was confirmed already");
    }
    status = GiftStatus.CONFIRMED;
    receiptYear = year;
    receiptNumber = number;
    confirmedBy = actor;
    confirmedAt = at;
  }

  /**
   * Whether a confirmation would change it (and so needs a receipt number): false if it was
   * confirmed before (a callback sent twice counts once); 409 for a gift finance found never arrived.
   */
  boolean needsConfirmation() {
    if (status == GiftStatus.NOT_RECEIVED) {
      throw new ConflictException("The gift was found not to have arrived");
    }
    return status == GiftStatus.AWAITING_CONFIRMATION;
  }

  /** Finance found the money never arrived: it no longer counts as pledged. 409 unless it was awaited. */
  void notReceived(String why, String actor, Instant at) {
    if (status != GiftStatus.AWAITING_CONFIRMATION) {
      throw new ConflictException("Only a gift awaiting confirmation is found not to have arrived");
    }
    status = GiftStatus.NOT_RECEIVED;
    confirmedBy = actor;
    confirmedAt = at;
  }

  /**
   * The caller's {@code Idempotency-Key} and the fingerprint of its request, kept with a new
   * entry: the same request again under that key is answered with this entry.
   */
  void rememberRequest(String key, String hash) {
    if (id != null) {
      throw new IllegalStateException("The request is remembered with a new entry only");
    }
    idempotencyKey = key;
    requestHash = hash;
  }

  void inserted(long newId) {
    id = newId;
  }

  void updated() {
    version++;
  }

  /** "2026-000042", or null before the receipt. */
  String receiptCode() {
    return receiptNumber == null ? null : ReceiptNumbers.code(receiptYear, receiptNumber);
  }

  Long id() {
    return id;
  }

  int version() {
    return version;
  }

  Long appealId() {
    return appealId;
  }

  EntryKind entryKind() {
    return entryKind;
  }

  Long correctsId() {
    return correctsId;
  }

  GiftChannel channel() {
    return channel;
  }

  long amountFen() {
    return amountFen;
  }

  Donor donor() {
    return donor;
  }

  String transactionId() {
    return transactionId;
  }

  GiftStatus status() {
    return status;
  }

  String reason() {
    return reason;
  }

  Integer receiptYear() {
    return receiptYear;
  }

  Integer receiptNumber() {
    return receiptNumber;
  }

  String recordedBy() {
    return recordedBy;
  }

  Instant recordedAt() {
    return recordedAt;
  }

  String confirmedBy() {
    return confirmedBy;
  }

  Instant confirmedAt() {
    return confirmedAt;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  String requestHash() {
    return requestHash;
  }
}
