package org.gridaid.supplies;

import java.time.Instant;

/**
 * Stock promised to a case or campaign, as the ledger holds it: {@code quantity} of an item at a
 * site, {@link ReservationStatus#OPEN} until released or issued. Of what was issued,
 * {@code returned} came back to stock.
 */
public record Reservation(long id, String siteCode, String itemCode, int quantity, int issued, int returned,
    ReservationStatus status, Reference reference, String reservedBy, Instant reservedAt, String closedBy,
    Instant closedAt) {}
