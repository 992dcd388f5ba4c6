package org.gridaid.supplies;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the ledger, never changed: {@code quantity} (always positive) of an item at a site,
 * counted the way its {@link MovementKind} says.
 *
 * @param batch the batch it moved, null for goods without one and for RESERVE and RELEASE
 * @param reference what it belongs to; null for a plain receipt or stocktake
 * @param reservationId the reservation a RESERVE, RELEASE, ISSUE or RETURN acts on
 * @param counterpartId for a TRANSFER_IN, the TRANSFER_OUT it completes
 * @param entryId the first movement of the command that recorded this one; null on that first one
 */
public record Movement(long id, MovementKind kind, String siteCode, String itemCode, String batch, LocalDate expiry,
    int quantity, String reason, String actor, Instant occurredAt, Reference reference, Long reservationId,
    Long counterpartId, Long entryId) {}
