package org.gridaid.medicine;

import java.time.Instant;

/** One entry of a delivery's timeline; {@code detail} may hold a reason in staff's words. */
record DeliveryEvent(Instant at, DeliveryEventType type, String actor, String detail) {}
