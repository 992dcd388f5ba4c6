package org.gridaid.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.helprequest.HelpRequestSubmissions.NewHelpRequest;
import org.gridaid.helprequest.HelpRequestSubmissions;
import org.gridaid.organisation.Groups;
import org.gridaid.register.CheckIns.Entry;
import org.gridaid.register.CheckIns.Outcome;
import org.gridaid.register.CheckIns.Round;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.shared.web.Problems.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily check-ins: who is due today per grid (their plan), what the grid worker heard, and
 * what follows: a help request for a need, a visit by the grid leader after two calls in a
 * row that nobody answered.
 */
@Service
public class CheckInService {

  private static final Logger log = LoggerFactory.getLogger(CheckInService.class);

  private final CheckIns checkIns;
  private final RegisterStore register;
  private final HelpRequestSubmissions helpRequests;
  private final TaskService tasks;
  private final CheckInProcess.Schedule schedule;

  CheckInService(CheckIns checkIns, RegisterStore register, HelpRequestSubmissions helpRequests, TaskService tasks,
      CheckInProcess.Schedule schedule) {
    this.checkIns = checkIns;
    this.register = register;
    this.helpRequests = helpRequests;
    this.tasks = tasks;
    this.schedule = schedule;
  }

  LocalDate today() {
    return schedule.today();
  }

  /** One round per grid with people due; a round already made for the day is kept. */
  @Transactional
  public List<Long> prepare(LocalDate day) {
    List<Long> rounds = new ArrayList<>();
    for (String grid : checkIns.gridsWithPeopleDue(day)) {
      if (checkIns.round(grid, day).isEmpty()) {
        rounds.add(checkIns.createRound(grid, day, ClockUtil.getCurrentTime().toInstant()));
      }
    }
    log.info("Check-ins for {}: {} grids", day, rounds.size());
    return rounds;
  }

  Round round(long id) {
    return checkIns.round(id).orElseThrow(() -> new NotFoundException("Check-in round", String.valueOf(id)));
  }

  List<Long> openRounds(LocalDate day) {
    return checkIns.openRounds(day);
  }

  Optional<Round> round(String gridCode, LocalDate day) {
    return checkIns.round(gridCode, day);
  }

  List<Entry> entries(long roundId) {
    return checkIns.entries(roundId);
  }

  /** What the worker heard from one person: FINE, NEEDS_HELP (with the need) or NOT_REACHED. */
  public record Heard(Long personId, String outcome, String need, String needCategory) {}

  /**
   * Records what was heard; with {@code finishing}, every person of the round must have an
   * outcome and the round is done. Checked first: a bad entry changes nothing.
   */
  @Transactional
  public List<Entry> record(long roundId, List<Heard> heard, String actor, boolean finishing) {
    Round round = round(roundId);
    if (!"OPEN".equals(round.status())) {
      throw new ConflictException("Check-in round " + roundId + " is already " + round.status());
    }
    Map<Long, Entry> entries = checkIns.entries(roundId).stream()
        .collect(Collectors.toMap(Entry::personId, Function.identity()));
    List<FieldError> errors = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < heard.size(); i++) {
      Heard h = heard.get(i);
      String at = "entries[" + i + "]";
      if (h.personId() == null || !entries.containsKey(h.personId())) {
        errors.add(new FieldError(at + ".personId", "is not on this round's list"));
      }
      Outcome outcome = null;
      if (h.outcome() != null && !h.outcome().isBlank()) {
        try {
          outcome = Outcome.valueOf(h.outcome().strip());
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError(at + ".outcome", "must be one of FINE, NEEDS_HELP, NOT_REACHED"));
        }
      }
      if (outcome == Outcome.NEEDS_HELP && (h.need() == null || h.need().isBlank())) {
        errors.add(new FieldError(at + ".need", "is required when the person needs help"));
      }
      if (h.need() != null && h.need().length() > 500) {
        errors.add(new FieldError(at + ".need", "must be at most 500 characters"));
      }
      outcomes.add(outcome);
    }
    if (finishing) {
      Set<Long> answered = new HashSet<>();
      for (int i = 0; i < heard.size(); i++) {
        if (outcomes.get(i) != null) {
          answered.add(heard.get(i).personId());
        }
      }
      List<String> missing = entries.values().stream()
          .filter(e -> e.outcome() == null && !answered.contains(e.personId())).map(Entry::personName).toList();
      if (!missing.isEmpty()) {
        errors.add(new FieldError("entries", "no outcome yet for " + String.join("、", missing)));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (int i = 0; i < heard.size(); i++) {
      if (outcomes.get(i) != null) {
        apply(round, entries.get(heard.get(i).personId()), outcomes.get(i), heard.get(i), actor, now);
      }
    }
    if (finishing) {
      checkIns.complete(roundId, actor, now);
    }
    return checkIns.entries(roundId);
  }

  private void apply(Round round, Entry entry, Outcome outcome, Heard heard, String actor, Instant now) {
    Long helpRequest = entry.helpRequestId();
    if (outcome == Outcome.NEEDS_HELP && helpRequest == null) {
      helpRequest = fileHelpRequest(round, entry, heard, actor);
    }
    if (outcome == Outcome.NOT_REACHED && entry.outcome() != Outcome.NOT_REACHED
        && checkIns.previousOutcome(entry.personId(), round.day()).filter(o -> o == Outcome.NOT_REACHED).isPresent()) {
      askGridLeaderToVisit(round, entry);
    }
    checkIns.record(entry.id(), outcome, heard.need() == null ? null : heard.need().strip(), actor, now,
        helpRequest);
  }

  private long fileHelpRequest(Round round, Entry entry, Heard heard, String actor) {
    Person person = register.person(entry.personId()).orElseThrow();
    Household household = register.household(person.householdId()).orElseThrow();
    String phone = person.phone() != null ? person.phone() : household.phone();
    if (phone == null) {
      throw new InvalidInputException("entries.personId", entry.personName()
          + " has no phone in the register: add one (or the household's) so the hotline can call back");
    }
    List<String> flags = person.flags().stream()
        .map(Vulnerability::name).toList();
    var filed = helpRequests.submit(new NewHelpRequest(person.name(), phone, round.gridCode(), household.address(),
        heard.needCategory() == null || heard.needCategory().isBlank() ? "OTHER" : heard.needCategory().strip(),
        "每日随访发现: " + heard.need().strip(), person.name(), flags, "DAILY_CHECK_IN"), actor);
    return filed.id();
  }

  /** Two days without an answer: somebody goes to the door. */
  private void askGridLeaderToVisit(Round round, Entry entry) {
    var visit = tasks.newTask();
    visit.setName("上门探访: " + entry.personName() + " (连续两次电话未接通)");
    visit.setDescription("每日随访连续两次未联系上, 请今天上门查看。随访轮次 #" + round.id());
    visit.setDueDate(Date.from(schedule.gridLeaderAt(round.day())));
    visit.setPriority(75);
    tasks.saveTask(visit);
    tasks.addCandidateGroup(visit.getId(), Groups.gridLeader(round.gridCode()));
    log.info("Round {}: person {} not reached twice, grid leader asked to visit", round.id(), entry.personId());
  }

  /** The Tasklist task of a round, while it is open. */
  Optional<Task> openTask(Round round) {
    return tasks.createTaskQuery().processDefinitionKey(CheckInProcess.KEY)
        .taskDefinitionKey(CheckInProcess.TASK_CALL_PEOPLE).taskCandidateGroup(Groups.grid(round.gridCode())).list()
        .stream()
        .filter(t -> Long.valueOf(round.id()).equals(asLong(tasks.getVariable(t.getId(), CheckInProcess.ROUND_ID))))
        .findFirst();
  }

  private static Long asLong(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }

  @Transactional
  public void escalate(long roundId, String level) {
    checkIns.escalate(roundId, level);
  }
}
