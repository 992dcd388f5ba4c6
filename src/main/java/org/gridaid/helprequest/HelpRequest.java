package org.gridaid.helprequest;

import org.gridaid.register.Vulnerability;
import java.time.Instant;
import java.util.List;

/** A case as stored in {@code help_request}. */
record HelpRequest(
    long id, String trackingCode, HelpRequestStatus status,
    String callerName, String callerPhone, String address, String minimalUnitCode, String gridCode,
    Category category, String description, String affectedPerson, List<Vulnerability> vulnerabilities,
    Channel channel, String priority, boolean medicalAlert,
    Instant receivedAt, Instant responseDueAt, Instant resolutionDueAt, String escalateEvery,
    EscalationLevel escalationLevel, Instant escalatedAt, Instant firstResponseAt, Instant handledAt, Instant closedAt,
    Outcome outcome, String actionTaken, String transferredTo, int callbackAttempts,
    Instant heldSince, Instant holdUntil, String holdReason,
    Long linkedToId, int linkedCalls, String cancelReason, String submittedBy,
    String idempotencyKey, String requestHash) {}
