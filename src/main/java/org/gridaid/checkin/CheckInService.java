package org.gridaid.checkin;

import io.holunda.camunda.bpm.data.CamundaBpmData;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.organisation.Groups;
import org.gridaid.register.Residents;
import org.gridaid.register.Vulnerability;
import org.gridaid.shared.engine.EngineErrors;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.validation.PlainText;
import org.gridaid.shared.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The check-in module's command service: who is due today per grid (their plan), what the
 * grid worker heard, and what follows: a need is handed to the hotline as an event, two calls
 * in a row that nobody answered send the grid leader to the door. Each command changes a round
 * and makes its engine calls in one transaction.
 */
@Service
public class CheckInService {

  private static final Logger log = LoggerFactory.getLogger(CheckInService.class);
  /**
   * The hotline's category code for a medical emergency. A list that goes in at the end of the
   * day is no way to report one: the form tells the worker to call 120 or the hotline at once,
   * and an entry that names it anyway is refused rather than filed hours late.
   */
  static final String MEDICAL_EMERGENCY = "MEDICAL_EMERGENCY";
  /** The longest plan interval a person can have (register: 1-30 days). */
  private static final int LONGEST_PLAN_DAYS = 30;

  private final CheckInRounds rounds;
  private final Residents residents;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AreaDirectory areas;
  private final CheckInSchedule schedule;
  private final ApplicationEventPublisher events;
  private final Validator validator;
  private final Clock clock;

  CheckInService(CheckInRounds rounds, Residents residents, TaskService tasks, RuntimeService runtime,
      AreaDirectory areas, CheckInSchedule schedule, ApplicationEventPublisher events, Validator validator,
      Clock clock) {
    this.rounds = rounds;
    this.residents = residents;
    this.tasks = tasks;
    this.runtime = runtime;
    this.areas = areas;
    this.schedule = schedule;
    this.events = events;
    this.validator = validator;
    this.clock = clock;
  }

  LocalDate today() {
    return schedule.today();
  }

  /**
   * One round per grid with people due: never answered, or last answered at least their
   * interval ago. A round already made for the day is kept.
   */
  @Transactional
  public List<Long> prepare(LocalDate day) {
    Map<Long, LocalDate> lastAnswered = rounds.lastAnswered(day, LONGEST_PLAN_DAYS);
    Map<String, List<Residents.Planned>> dueByGrid = residents.withCheckInPlan().stream()
        .filter(p -> {
          LocalDate last = lastAnswered.get(p.personId());
          return last == null || !last.isAfter(day.minusDays(p.checkInEveryDays()));
        })
        .collect(Collectors.groupingBy(Residents.Planned::gridCode, TreeMap::new, Collectors.toList()));
    List<Long> created = new ArrayList<>();
    Instant now = clock.instant();
    dueByGrid.forEach((grid, people) -> {
      if (rounds.find(grid, day).isEmpty()) {
        created.add(rounds.create(grid, day, people, now));
      }
    });
    log.info("Check-ins for {}: {} grids", day, created.size());
    return created;
  }

  CheckInRound round(long id) {
    return rounds.find(id).orElseThrow(() -> new NotFoundException("Check-in round", String.valueOf(id)));
  }

  Optional<CheckInRound> round(String gridCode, LocalDate day) {
    return rounds.find(gridCode, day);
  }

  List<Long> openRounds(LocalDate day) {
    return rounds.openIds(day);
  }

  /** What the worker heard from one person: FINE, NEEDS_HELP (with the need) or NOT_REACHED. */
  public record Heard(
      @NotNull(message = "is not on this round's list") Long personId,
      @EnumCode(CheckInOutcome.class) String outcome,
      @Size(max = 500, message = "must be at most 500 characters") @PlainText(multiline = true) String need,
      @Size(max = 30, message = "must be at most 30 characters") @PlainText String needCategory) {

    CheckInOutcome outcomeValue() {
      return EnumCodeValidator.find(CheckInOutcome.class, outcome);
    }
  }

  /** The entries a worker sends at once, as the phone app and the Tasklist form send them. */
  record Heards(@Valid List<@NotNull(message = "is required") Heard> entries) {}

  /**
   * Records what was heard; with {@code finishing}, every person of the round must have an
   * outcome and the round is done. Checked first: a bad entry changes nothing.
   */
  @Transactional
  public CheckInRound record(long roundId, List<Heard> heard, String actor, boolean finishing) {
    CheckInRound round = round(roundId);
    List<CheckInOutcome> outcomes = check(round, heard);
    Instant now = clock.instant();
    for (int i = 0; i < heard.size(); i++) {
      CheckInOutcome outcome = outcomes.get(i);
      if (outcome == null) {
        continue;
      }
      Heard h = heard.get(i);
      CheckInOutcome before = round.entryOf(h.personId()).map(CheckInEntry::outcome).orElse(null);
      CheckInEntry entry = round.record(h.personId(), outcome, h.need() == null ? null : h.need().strip(), actor,
          now);
      if (entry.needsReporting()) {
        entry.needReported(now);
        events.publishEvent(new CheckInNeedReported(entry.id(), entry.personId(), round.gridCode(),
            h.needCategory() == null || h.needCategory().isBlank() ? null : h.needCategory().strip(), actor));
      }
      if (outcome == CheckInOutcome.NOT_REACHED && before != CheckInOutcome.NOT_REACHED
          && rounds.previousOutcome(entry.personId(), round.day()).orElse(null) == CheckInOutcome.NOT_REACHED) {
        askGridLeaderToVisit(round, entry, now);
      }
    }
    if (finishing) {
      round.complete(actor, now);
    }
    rounds.save(round);
    return round;
  }

  /** Every fault of the entries at once: their annotations, then what needs the round's list. */
  private List<CheckInOutcome> check(CheckInRound round, List<Heard> heard) {
    FormCheck check = FormCheck.of(validator, new Heards(heard));
    List<CheckInOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < heard.size(); i++) {
      Heard h = heard.get(i);
      if (h == null) {
        outcomes.add(null);
        continue;
      }
      String at = "entries[" + i + "]";
      if (h.personId() != null && round.entryOf(h.personId()).isEmpty()) {
        check.reject(at + ".personId", "is not on this round's list");
      }
      CheckInOutcome outcome = check.failed(at + ".outcome") ? null : h.outcomeValue();
      if (outcome == CheckInOutcome.NEEDS_HELP && (h.need() == null || h.need().isBlank())) {
        check.reject(at + ".need", "is required when the person needs help");
      }
      if (h.needCategory() != null && MEDICAL_EMERGENCY.equalsIgnoreCase(h.needCategory().strip())) {
        check.reject(at + ".needCategory",
            "is a medical emergency: call 120 or the hotline at once; a check-in entry does not report one");
      }
      outcomes.add(outcome);
    }
    check.orThrow();
    return outcomes;
  }

  /**
   * Two days without an answer: the grid leader goes to the door, in a process of its own with
   * a due time and the community office behind it. Started in this transaction: a refused list
   * sends nobody.
   */
  private void askGridLeaderToVisit(CheckInRound round, CheckInEntry entry, Instant now) {
    String community = communityOf(round.gridCode());
    String visitee = residents.contact(entry.personId())
        .map(contact -> contact.name() + "\n地址: " + contact.address()
            + (contact.phone() == null ? "" : "\n电话: " + contact.phone()))
        .orElse(entry.personName());
    runtime.startProcessInstanceByKey(HomeVisitProcess.KEY, String.valueOf(entry.id()), CamundaBpmData.builder()
        .set(HomeVisitProcess.ROUND_ID, round.id())
        .set(HomeVisitProcess.PERSON_ID, entry.personId())
        .set(HomeVisitProcess.GRID_CODE, round.gridCode())
        .set(HomeVisitProcess.COMMUNITY_CODE, community)
        .set(HomeVisitProcess.VISIT_DUE_AT, Date.from(schedule.homeVisitDue(now)))
        .set(HomeVisitProcess.VISITEE, visitee)
        .build());
    log.info("Round {}: person {} not reached twice, grid leader asked to visit", round.id(), entry.personId());
  }

  /**
   * The phone app's way: records what was heard and, with {@code finish}, completes the day's
   * Tasklist task too (its listener finishes the round). All or nothing: a refused finish keeps
   * what was sent out as well.
   */
  @Transactional
  public CheckInRound recordFromPhone(long roundId, List<Heard> heard, String actor, boolean finish) {
    CheckInRound round = record(roundId, heard, actor, false);
    if (!finish) {
      return round;
    }
    Optional<Task> task = openTask(round);
    if (task.isEmpty()) {
      return record(roundId, List.of(), actor, true);
    }
    try {
      tasks.setAssignee(task.get().getId(), actor);
      tasks.complete(task.get().getId());
    } catch (ProcessEngineException e) {
      throw EngineErrors.asInputError(e);
    }
    return round(roundId);
  }

  /**
   * The round's day is over and it is still open: it is missed, and the community office gets
   * the people nobody called, in a process of its own (business key: the round). A round done
   * meanwhile stays as it is; one whose people all have an outcome, only not sent, needs nobody.
   */
  @Transactional
  public void closeMissed(long roundId) {
    CheckInRound round = round(roundId);
    if (round.status() != RoundStatus.OPEN) {
      return;
    }
    List<CheckInEntry> notCalled = round.closeMissed(clock.instant());
    rounds.save(round);
    if (notCalled.isEmpty()) {
      log.info("Round {} closed as missed: everybody had an outcome, the list was not sent", round.id());
      return;
    }
    Area grid = areas.get(round.gridCode());
    runtime.startProcessInstanceByKey(MissedRoundProcess.KEY, String.valueOf(round.id()), CamundaBpmData.builder()
        .set(MissedRoundProcess.ROUND_ID, round.id())
        .set(MissedRoundProcess.COMMUNITY_CODE, communityOf(round.gridCode()))
        .set(MissedRoundProcess.ROUND_OF, grid.name() + " (" + grid.code() + "), " + round.day())
        .set(MissedRoundProcess.NOT_CALLED, String.join("\n", notCalled.stream()
            .map(e -> e.flags().isEmpty() ? e.personName()
                : e.personName() + " (" + String.join("、", e.flags().stream().map(Vulnerability::label).toList()) + ")")
            .toList()))
        .build());
    log.info("Round {} closed as missed: {} people not called, community told", round.id(), notCalled.size());
  }

  private String communityOf(String gridCode) {
    return areas.enclosing(gridCode, AreaLevel.COMMUNITY)
        .orElseThrow(() -> new IllegalStateException("Grid " + gridCode + " has no community above it")).code();
  }

  /** The round is late and the next level was told. */
  @Transactional
  public void escalate(long roundId, RoundEscalation level) {
    CheckInRound round = round(roundId);
    round.escalate(level);
    rounds.save(round);
  }

  /** What a chaser's form sends: what they did about a late round or an overdue visit. */
  record Supervision(
      @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
      @PlainText(multiline = true) String supervisionNote) {}

  /** What the grid leader's visit form sends: what they found at the door. */
  record VisitReport(
      @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
      @PlainText(multiline = true) String visitNote) {}

  /**
   * A chaser says what they did; kept on the round. {@code personId}: the person whose
   * overdue visit was chased, null for the round itself.
   */
  @Transactional
  public void supervise(long roundId, RoundNoteKind kind, Long personId, String actor, String supervisionNote) {
    FormCheck.of(validator, new Supervision(supervisionNote)).orThrow();
    CheckInRound round = round(roundId);
    round.note(kind, personId, supervisionNote.strip(), actor, clock.instant());
    rounds.save(round);
  }

  /** The grid leader was at the door of a person not reached twice; kept on that round. */
  @Transactional
  public void recordHomeVisit(long roundId, long personId, String actor, String visitNote) {
    FormCheck.of(validator, new VisitReport(visitNote)).orThrow();
    CheckInRound round = round(roundId);
    round.note(RoundNoteKind.HOME_VISIT, personId, visitNote.strip(), actor, clock.instant());
    rounds.save(round);
  }

  /** The Tasklist task of a round, while it is open. */
  Optional<Task> openTask(CheckInRound round) {
    return tasks.createTaskQuery().processDefinitionKey(CheckInProcess.KEY)
        .taskDefinitionKey(CheckInProcess.TASK_CALL_PEOPLE).taskCandidateGroup(Groups.grid(round.gridCode()))
        .processVariableValueEquals(CheckInProcess.DAY.getName(), round.day().toString()).list().stream()
        .filter(t -> Long.valueOf(round.id()).equals(CheckInProcess.ROUND_ID.from(tasks, t.getId()).getOrNull()))
        .findFirst();
  }
}
