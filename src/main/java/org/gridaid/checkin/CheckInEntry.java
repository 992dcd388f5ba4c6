package org.gridaid.checkin;

import java.time.Instant;
import java.util.List;
import org.gridaid.register.Vulnerability;

/**
 * One person on a round's list, with their name and flags as the register had them when the
 * list was made. Changed only through its {@link CheckInRound}.
 */
final class CheckInEntry {

  private final long id;
  private final long personId;
  private final String personName;
  private final List<Vulnerability> flags;
  private CheckInOutcome outcome;
  private String need;
  private String recordedBy;
  private Instant recordedAt;
  private Instant needReportedAt;
  private Long helpRequestId;
  private boolean changed;

  CheckInEntry(long id, long personId, String personName, List<Vulnerability> flags, CheckInOutcome outcome,
      String need, String recordedBy, Instant recordedAt, Instant needReportedAt, Long helpRequestId) {
    this.id = id;
    this.personId = personId;
    this.personName = personName;
    this.flags = List.copyOf(flags);
    this.outcome = outcome;
    this.need = need;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.needReportedAt = needReportedAt;
    this.helpRequestId = helpRequestId;
  }

  void record(CheckInOutcome heard, String heardNeed, String actor, Instant at) {
    outcome = heard;
    need = heardNeed;
    recordedBy = actor;
    recordedAt = at;
    changed = true;
  }

  /** The need goes to the hotline once, however often the outcome is recorded again. */
  boolean needsReporting() {
    return outcome == CheckInOutcome.NEEDS_HELP && needReportedAt == null;
  }

  void needReported(Instant at) {
    needReportedAt = at;
    changed = true;
  }

  long id() {
    return id;
  }

  long personId() {
    return personId;
  }

  String personName() {
    return personName;
  }

  List<Vulnerability> flags() {
    return flags;
  }

  CheckInOutcome outcome() {
    return outcome;
  }

  String need() {
    return need;
  }

  String recordedBy() {
    return recordedBy;
  }

  Instant recordedAt() {
    return recordedAt;
  }

  Instant needReportedAt() {
    return needReportedAt;
  }

  Long helpRequestId() {
    return helpRequestId;
  }

  boolean changed() {
    return changed;
  }
}
