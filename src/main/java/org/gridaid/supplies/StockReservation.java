package org.gridaid.supplies;

import java.time.Instant;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;

/**
 * Stock promised to a case or campaign, the ledger's one aggregate: open until it is released or
 * issued, and each of those happens once. Of what was issued, some may come back to stock, never
 * more than went out. Each transition checks first and refuses what the status does not allow
 * (409); {@link StockLedger} records the movements and changes the balance in the same
 * transaction, and {@link StockReservations} saves it only if nobody else saved it since it was
 * read (its {@code version}).
 */
class StockReservation {

  private Long id;
  private int version;
  private final String siteCode;
  private final String itemCode;
  private final int quantity;
  private int issued;
  private int returned;
  private ReservationStatus status;
  private final Reference reference;
  private final String reservedBy;
  private final Instant reservedAt;
  private String closedBy;
  private Instant closedAt;

  /** As stored. */
  StockReservation(Long id, int version, String siteCode, String itemCode, int quantity, int issued, int returned,
      ReservationStatus status, Reference reference, String reservedBy, Instant reservedAt, String closedBy,
      Instant closedAt) {
    this.id = id;
    this.version = version;
    this.siteCode = siteCode;
    this.itemCode = itemCode;
    this.quantity = quantity;
    this.issued = issued;
    this.returned = returned;
    this.status = status;
    this.reference = reference;
    this.reservedBy = reservedBy;
    this.reservedAt = reservedAt;
    this.closedBy = closedBy;
    this.closedAt = closedAt;
  }

  static StockReservation open(String siteCode, String itemCode, int quantity, Reference reference, String actor,
      Instant at) {
    if (quantity < 1) {
      throw new InvalidInputException("quantity", "must be at least 1");
    }
    return new StockReservation(null, 0, siteCode, itemCode, quantity, 0, 0, ReservationStatus.OPEN, reference, actor,
        at, null, null);
  }

  /** Nothing of it is wanted any more: all of it is free again. */
  void release(String actor, Instant at) {
    requireOpen("released");
    close(ReservationStatus.RELEASED, actor, at);
  }

  /**
   * {@code handedOut} of it leaves the site (a courier picked it up); the rest, if any, is free
   * again. Returns that rest.
   */
  int issue(int handedOut, String actor, Instant at) {
    requireOpen("issued");
    if (handedOut < 1 || handedOut > quantity) {
      throw new InvalidInputException("quantity", "must be between 1 and the " + quantity + " reserved");
    }
    issued = handedOut;
    close(ReservationStatus.ISSUED, actor, at);
    return quantity - handedOut;
  }

  /** {@code comingBack} of what was issued is back in stock (not delivered). */
  void takeBack(int comingBack) {
    if (status != ReservationStatus.ISSUED) {
      throw new ConflictException("Reservation " + id + " is " + status + ": only what was issued comes back");
    }
    if (comingBack < 1 || comingBack > issued - returned) {
      throw new InvalidInputException("quantity", "must be between 1 and the " + (issued - returned)
          + " issued and not yet returned");
    }
    returned += comingBack;
  }

  private void requireOpen(String what) {
    if (status != ReservationStatus.OPEN) {
      throw new ConflictException("Reservation " + id + " is " + status + " already; it cannot be " + what);
    }
  }

  private void close(ReservationStatus closedAs, String actor, Instant at) {
    status = closedAs;
    closedBy = actor;
    closedAt = at;
  }

  void inserted(long newId) {
    id = newId;
  }

  void updated() {
    version++;
  }

  Reservation view() {
    return new Reservation(id, siteCode, itemCode, quantity, issued, returned, status, reference, reservedBy,
        reservedAt, closedBy, closedAt);
  }

  Long id() {
    return id;
  }

  int version() {
    return version;
  }

  String siteCode() {
    return siteCode;
  }

  String itemCode() {
    return itemCode;
  }

  int quantity() {
    return quantity;
  }

  int issued() {
    return issued;
  }

  int returned() {
    return returned;
  }

  ReservationStatus status() {
    return status;
  }

  Reference reference() {
    return reference;
  }

  String reservedBy() {
    return reservedBy;
  }

  Instant reservedAt() {
    return reservedAt;
  }

  String closedBy() {
    return closedBy;
  }

  Instant closedAt() {
    return closedAt;
  }
}
