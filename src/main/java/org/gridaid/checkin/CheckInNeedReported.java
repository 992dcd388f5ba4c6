package org.gridaid.checkin;

/**
 * A grid worker heard on a check-in call that somebody needs help. Published in the
 * transaction that records it and kept by the event publication registry until a listener
 * (the hotline's) has taken it; carries ids and codes only, never what the person said (ask
 * {@link CheckInNeeds}) or their contact details (ask the register).
 *
 * @param category the help-request category code the worker chose, or null
 * @param reportedBy the user id of the worker
 */
public record CheckInNeedReported(long entryId, long personId, String gridCode, String category,
    String reportedBy) {}
