package org.gridaid.checkin;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.EnumCodes;
import org.gridaid.shared.web.ForbiddenException;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A grid worker's phone app: today's list, and what they heard, one person or many at a time. */
@RestController
@RequestMapping("/api/v1/check-ins")
@PreAuthorize("hasRole('STAFF')")
@Validated
class CheckInController {

  private final CheckInService checkIns;
  private final Requesters requesters;

  CheckInController(CheckInService checkIns, Requesters requesters) {
    this.checkIns = checkIns;
    this.requesters = requesters;
  }

  record EntryView(long id, long roundId, long personId, String personName, String flags, CheckInOutcome outcome,
      String need, Long helpRequestId) {}

  /** A note of somebody following the round up; {@code personId} when it is about one person. */
  record NoteView(RoundNoteKind kind, Long personId, String note, String writtenBy, Instant writtenAt) {}

  /** A person a missed round left without a call. */
  record NotCalledView(long personId, String personName) {}

  /**
   * A round. {@code closedAt} and {@code notCalled}: when a round nobody finished was closed at
   * the end of its day, and whom nobody called.
   */
  record RoundView(long id, String gridCode, LocalDate day, RoundStatus status, RoundEscalation escalationLevel,
      Instant closedAt, List<NotCalledView> notCalled, List<EntryView> entries, List<NoteView> notes) {
    static RoundView of(CheckInRound r) {
      List<NotCalledView> notCalled = r.status() != RoundStatus.MISSED ? List.of()
          : r.notCalled().stream().map(e -> new NotCalledView(e.personId(), e.personName())).toList();
      return new RoundView(r.id(), r.gridCode(), r.day(), r.status(), r.escalation(), r.closedAt(), notCalled,
          r.entries().stream()
              .map(e -> new EntryView(e.id(), r.id(), e.personId(), e.personName(), EnumCodes.join(e.flags()),
                  e.outcome(), e.need(), e.helpRequestId()))
              .toList(),
          r.notes().stream().map(n -> new NoteView(n.kind(), n.personId(), n.note(), n.writtenBy(), n.writtenAt()))
              .toList());
    }
  }

  @GetMapping("/today")
  RoundView today(@RequestParam @Size(max = 40) String gridCode, Authentication caller) {
    CheckInRound round = checkIns.round(gridCode, checkIns.today())
        .orElseThrow(() -> new NotFoundException("Check-in round today for grid", gridCode));
    visible(round, requesters.of(caller));
    return RoundView.of(round);
  }

  /** One round, of any day: e.g. yesterday's, closed as missed with the people nobody called. */
  @GetMapping("/{roundId}")
  RoundView round(@PathVariable long roundId, Authentication caller) {
    return RoundView.of(visible(checkIns.round(roundId), requesters.of(caller)));
  }

  record Recording(List<CheckInService.Heard> entries, boolean finish) {}

  /** Records outcomes; {@code finish} closes the day's round and its Tasklist task. */
  @PostMapping("/{roundId}/entries")
  RoundView record(@PathVariable long roundId, @RequestBody Recording body, Authentication caller) {
    Requester requester = requesters.of(caller);
    CheckInRound round = visible(checkIns.round(roundId), requester);
    if (!requester.servesGrid(round.gridCode())) {
      throw new ForbiddenException("Only the grid's own staff and grid leader record its check-ins");
    }
    return RoundView.of(checkIns.recordFromPhone(roundId, body.entries() == null ? List.of() : body.entries(),
        requester.id(), body.finish()));
  }

  /** A round of a grid the caller does not cover is answered as if it did not exist. */
  private static CheckInRound visible(CheckInRound round, Requester requester) {
    if (!requester.covers(round.gridCode())) {
      throw new NotFoundException("Check-in round", String.valueOf(round.id()));
    }
    return round;
  }
}
