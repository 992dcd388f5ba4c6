package org.gridaid.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;

/**
 * One grid's check-in list for one day, the aggregate of the check-in module: outcomes are
 * recorded while it is open, it is completed once everybody has one, a round that is late
 * escalates one level at a time and one still open at the end of its day is closed as missed.
 * The notes of those who follow it up are kept beside it. Stored with an optimistic-lock version.
 */
final class CheckInRound {

  private final long id;
  private final String gridCode;
  private final LocalDate day;
  private final int version;
  private RoundStatus status;
  private RoundEscalation escalation;
  private String completedBy;
  private Instant completedAt;
  private Instant closedAt;
  private final Map<Long, CheckInEntry> entriesByPerson = new LinkedHashMap<>();
  private final List<RoundNote> notes;
  private final List<RoundNote> newNotes = new ArrayList<>();

  CheckInRound(long id, String gridCode, LocalDate day, int version, RoundStatus status, RoundEscalation escalation,
      String completedBy, Instant completedAt, Instant closedAt, List<CheckInEntry> entries, List<RoundNote> notes) {
    this.id = id;
    this.gridCode = gridCode;
    this.day = day;
    this.version = version;
    this.status = status;
    this.escalation = escalation;
    this.completedBy = completedBy;
    this.completedAt = completedAt;
    this.closedAt = closedAt;
    entries.forEach(entry -> entriesByPerson.put(entry.personId(), entry));
    this.notes = new ArrayList<>(notes);
  }

  private void requireOpen() {
    if (status != RoundStatus.OPEN) {
      throw new ConflictException("Check-in round " + id + " is already " + status);
    }
  }

  Optional<CheckInEntry> entryOf(long personId) {
    return Optional.ofNullable(entriesByPerson.get(personId));
  }

  /** What the worker heard from one person on the list; returns their entry. */
  CheckInEntry record(long personId, CheckInOutcome outcome, String need, String actor, Instant at) {
    requireOpen();
    CheckInEntry entry = entryOf(personId)
        .orElseThrow(() -> new InvalidInputException("personId", "is not on this round's list"));
    entry.record(outcome, outcome == CheckInOutcome.NEEDS_HELP ? need : null, actor, at);
    return entry;
  }

  /** Everybody on the list has an outcome: the day's calls are done. */
  void complete(String actor, Instant at) {
    requireOpen();
    List<String> missing = entriesByPerson.values().stream().filter(e -> e.outcome() == null)
        .map(CheckInEntry::personName).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException("entries", "no outcome yet for " + String.join("、", missing));
    }
    status = RoundStatus.COMPLETED;
    completedBy = actor;
    completedAt = at;
  }

  /** The round's day is over and it is still open: it is missed. Returns the people nobody called. */
  List<CheckInEntry> closeMissed(Instant at) {
    requireOpen();
    status = RoundStatus.MISSED;
    closedAt = at;
    return notCalled();
  }

  /** The people on the list without an outcome. */
  List<CheckInEntry> notCalled() {
    return entriesByPerson.values().stream().filter(e -> e.outcome() == null).toList();
  }

  /** The round is late: the next level is told. A level never goes back down. */
  void escalate(RoundEscalation level) {
    if (escalation == null || level.compareTo(escalation) > 0) {
      escalation = level;
    }
  }

  /**
   * A note of somebody following the round up. Taken whatever the round's status: a chase task
   * may be done after the worker finished the list.
   */
  void note(RoundNoteKind kind, Long personId, String note, String actor, Instant at) {
    RoundNote written = new RoundNote(kind, personId, note, actor, at);
    notes.add(written);
    newNotes.add(written);
  }

  /** The notes written since the round was loaded, for its repository to add; forgets them. */
  List<RoundNote> takeNewNotes() {
    List<RoundNote> taken = List.copyOf(newNotes);
    newNotes.clear();
    return taken;
  }

  List<RoundNote> notes() {
    return List.copyOf(notes);
  }

  long id() {
    return id;
  }

  String gridCode() {
    return gridCode;
  }

  LocalDate day() {
    return day;
  }

  int version() {
    return version;
  }

  RoundStatus status() {
    return status;
  }

  RoundEscalation escalation() {
    return escalation;
  }

  String completedBy() {
    return completedBy;
  }

  Instant completedAt() {
    return completedAt;
  }

  Instant closedAt() {
    return closedAt;
  }

  Collection<CheckInEntry> entries() {
    return entriesByPerson.values();
  }
}
