package org.gridaid.medicine;

/**
 * A delivery a help request asked for is over (delivered, or not). Published in the transaction
 * that ended it and stored by the event registry; the help request goes on to its call-back.
 * Ids and codes only: the publication table is not encrypted.
 */
public record MedicineDeliveryEnded(long deliveryId, long helpRequestId, DeliveryStatus status) {}
