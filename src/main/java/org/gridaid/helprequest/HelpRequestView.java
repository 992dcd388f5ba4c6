package org.gridaid.helprequest;

import java.time.Instant;
import java.util.List;
import org.gridaid.register.Vulnerability;
import org.gridaid.shared.PhoneNumbers;

/**
 * A case over REST. Residents and outside systems get the status, the deadlines and a
 * timeline without staff names or notes, and the phone masked; staff who work the case get
 * everything.
 */
record HelpRequestView(long id, String trackingCode, HelpRequestStatus status, String statusLabel,
    Category category, String categoryLabel, String priority, String gridCode, Instant receivedAt,
    Deadlines deadlines, boolean overdue, String callerPhone, String callerName, String address,
    String description, String affectedPerson, List<Vulnerability> vulnerabilities, Channel channel,
    HandlingOutcome outcome, String actionTaken, String transferredTo, EscalationLevel escalationLevel, Long linkedToId,
    Integer linkedCalls, Instant holdUntil, Boolean holdAwaitingApproval, String cancelReason, List<Entry> timeline) {

  record Entry(Instant at, TimelineEventType type, String text, String level, String actor, String detail) {}

  static HelpRequestView of(HelpRequest r, List<TimelineEvent> events, boolean staffView, Instant now) {
    List<Entry> timeline = events.stream()
        .filter(e -> staffView || !e.type().staffOnly())
        .map(e -> staffView
            ? new Entry(e.at(), e.type(), text(e), e.level(), e.actor(), e.detail())
            : new Entry(e.at(), e.type(), text(e), publicLevel(e), null, null))
        .toList();
    return build(r, staffView, now, timeline);
  }

  /** For lists: no timeline. */
  static HelpRequestView summary(HelpRequest r, boolean staffView, Instant now) {
    return build(r, staffView, now, null);
  }

  private static HelpRequestView build(HelpRequest r, boolean staffView, Instant now, List<Entry> timeline) {
    Deadlines deadlines = Deadlines.of(r);
    boolean overdue = r.status().isOnTheClock() && r.resolutionDueAt() != null && r.resolutionDueAt().isBefore(now);
    return new HelpRequestView(r.id(), r.trackingCode(), r.status(), r.status().label(), r.category(),
        r.category().label(), r.priority(), r.gridCode(), r.receivedAt(), deadlines, overdue,
        staffView ? r.callerPhone() : PhoneNumbers.mask(r.callerPhone()),
        staffView ? r.callerName() : null, staffView ? r.address() : null, staffView ? r.description() : null,
        staffView ? r.affectedPerson() : null, staffView ? r.vulnerabilities() : null, r.channel(),
        r.outcome(), staffView ? r.actionTaken() : null, r.transferredTo(), r.escalationLevel(), r.linkedToId(),
        staffView ? r.linkedCalls() : null, r.status() == HelpRequestStatus.ON_HOLD ? r.holdUntil() : null,
        staffView ? r.holdAwaitingApproval() : null, staffView ? r.cancelReason() : null, timeline);
  }

  /** What an entry says: a medicine delivery's step in its own words. */
  private static String text(TimelineEvent e) {
    return e.type() == TimelineEventType.MEDICINE_DELIVERY ? e.detail() : e.type().publicText();
  }

  /** Levels a resident may read: escalation levels and grid codes, never people. */
  private static String publicLevel(TimelineEvent e) {
    return switch (e.type()) {
      case ESCALATED, ASSIGNED, REROUTED -> e.level();
      default -> null;
    };
  }
}
