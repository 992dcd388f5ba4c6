package org.gridaid.checkin;

import java.time.Instant;

/**
 * A note staff wrote on a round while following it up; append-only beside the round.
 *
 * @param personId the person it is about, or null for the whole round
 */
record RoundNote(RoundNoteKind kind, Long personId, String note, String writtenBy, Instant writtenAt) {}
