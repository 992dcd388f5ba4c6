package org.gridaid.register;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.shared.EnumCodes;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.PersonalVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The daily check-in process (daily-check-in.bpmn): its key, variables and the code it calls. */
public final class CheckInProcess {

  static final String KEY = "dailyCheckIn";
  static final String TASK_CALL_PEOPLE = "userTask_callPeople";
  static final String TASK_GRID_LEADER_CHASE = "userTask_gridLeaderChase";
  static final String TASK_COMMUNITY_CHASE = "userTask_communityChase";
  static final String TIMER_START = "startEvent_everyMorning";
  static final String TIMER_GRID_LEADER = "event_notDoneByEvening";
  static final String TIMER_COMMUNITY = "event_notDoneByNight";
  /** The list the task form shows and sends back: one item per person. */
  static final String PEOPLE = "people";
  static final String DAY = "day";
  static final String ROUND_ID = "roundId";

  private CheckInProcess() {}

  /**
   * When the day's lists go out and when a missing round escalates, in the grids' time zone
   * ({@code gridaid.check-in.*}; defaults in application.yaml).
   *
   * @param dailyAt when each grid's list goes out
   * @param zone the grids' time zone
   * @param gridLeaderAt an unfinished round goes to the grid leader
   * @param communityAt an unfinished round goes to the community office
   */
  @Validated
  @ConfigurationProperties("gridaid.check-in")
  public record Settings(@NotNull LocalTime dailyAt, @NotNull ZoneId zone, @NotNull LocalTime gridLeaderAt,
      @NotNull LocalTime communityAt) {}

  /** The check-in times of {@link Settings} on a given day, by the application's clock. */
  @Component("checkInSchedule")
  public static class Schedule {
    private final LocalTime startAt;
    private final ZoneId zone;
    private final LocalTime gridLeaderAt;
    private final LocalTime communityAt;
    private final Clock clock;

    Schedule(Settings settings, Clock clock) {
      this.startAt = settings.dailyAt();
      this.zone = settings.zone();
      this.gridLeaderAt = settings.gridLeaderAt();
      this.communityAt = settings.communityAt();
      this.clock = clock;
    }

    /** Today where the grids are, by the engine's clock (which tests move). */
    LocalDate today() {
      return dayOf(clock.instant());
    }

    LocalDate dayOf(Instant instant) {
      return instant.atZone(zone).toLocalDate();
    }

    /** When the lists of {@code day} go out. */
    Instant startOf(LocalDate day) {
      return at(day, startAt);
    }

    /** When an unfinished round of {@code day} goes to the grid leader. */
    Instant gridLeaderAt(LocalDate day) {
      return at(day, gridLeaderAt);
    }

    /** When an unfinished round of {@code day} goes to the community office. */
    Instant communityAt(LocalDate day) {
      return at(day, communityAt);
    }

    private Instant at(LocalDate day, LocalTime time) {
      return day.atTime(time).atZone(zone).toInstant();
    }

    /** A cron in the engine's time zone for {@code daily-at} in the grids' zone (no DST in China). */
    public String getCron() {
      ZonedDateTime local = LocalDate.now(zone).atTime(startAt).atZone(zone)
          .withZoneSameInstant(ZoneId.systemDefault());
      return "0 " + local.getMinute() + " " + local.getHour() + " * * ?";
    }
  }

  /**
   * The start timer is made when the BPMN is deployed, and only a changed file is deployed
   * again: after a restart with another {@code daily-at}, the waiting timer moves to that time
   * on its own day (never skipping a day), and the engine reads the cycle anew each time it fires.
   */
  @Component
  static class StartTimeKeeper {
    private static final Logger log = LoggerFactory.getLogger(StartTimeKeeper.class);
    private final ManagementService management;
    private final Schedule schedule;

    StartTimeKeeper(ManagementService management, Schedule schedule) {
      this.management = management;
      this.schedule = schedule;
    }

    // once the engine has deployed (or found unchanged) the processes
    @EventListener(ApplicationReadyEvent.class)
    void followTheSchedule() {
      Job timer = management.createJobQuery().processDefinitionKey(KEY).activityId(TIMER_START).singleResult();
      if (timer == null) {
        return;
      }
      Instant due = timer.getDuedate().toInstant();
      Instant scheduled = schedule.startOf(schedule.dayOf(due));
      if (!scheduled.equals(due)) {
        try {
          management.setJobDuedate(timer.getId(), Date.from(scheduled));
          log.info("Daily check-in start moved from {} to {}", due, scheduled);
        } catch (OptimisticLockingException e) {
          log.info("Daily check-in start: another node moved it first");
        }
      }
    }
  }

  /** Starts the day: one round per grid with people due. */
  @Component("prepareCheckIns")
  public static class Prepare implements JavaDelegate {
    private final CheckInService checkIns;

    Prepare(CheckInService checkIns) {
      this.checkIns = checkIns;
    }

    @Override
    public void execute(DelegateExecution execution) {
      LocalDate day = checkIns.today();
      checkIns.prepare(day);
      execution.setVariable(DAY, day.toString());
    }

    /** The multi-instance collection: the day's rounds that are still open. */
    public List<Long> open(String day) {
      return checkIns.openRounds(LocalDate.parse(day));
    }
  }

  /** Each grid's round: who to call today, and until when. */
  @Component("checkInRoundStarted")
  static class RoundStarted implements ExecutionListener {
    private final CheckInService checkIns;
    private final AreaDirectory areas;
    private final Schedule schedule;
    private final ObjectMapper json = new ObjectMapper();

    RoundStarted(CheckInService checkIns, AreaDirectory areas, Schedule schedule) {
      this.checkIns = checkIns;
      this.areas = areas;
      this.schedule = schedule;
    }

    @Override
    public void notify(DelegateExecution execution) throws Exception {
      long roundId = ((Number) execution.getVariable(ROUND_ID)).longValue();
      var round = checkIns.round(roundId);
      execution.setVariableLocal("gridCode", round.gridCode());
      execution.setVariableLocal("communityCode", areas.path(round.gridCode()).stream()
          .filter(a -> a.level() == AreaLevel.COMMUNITY).findFirst().orElseThrow().code());
      execution.setVariableLocal("gridLeaderAt", Date.from(schedule.gridLeaderAt(round.day())));
      execution.setVariableLocal("communityAt", Date.from(schedule.communityAt(round.day())));
      List<Map<String, Object>> people = checkIns.entries(roundId).stream().map(e -> Map.<String, Object>of(
          "personId", e.personId(), "name", e.personName(), "flags", labels(e.flags()))).toList();
      // a JSON value: the task form's list is bound to it and sends it back edited
      execution.setVariableLocal(PEOPLE, SpinValues.jsonValue(json.writeValueAsString(people)).create());
    }

    private static String labels(String flags) {
      return String.join("、", EnumCodes.parse(Vulnerability.class, flags).stream().map(Vulnerability::label).toList());
    }
  }

  static final Map<String, String> FIELD_LABELS = Map.of(PEOPLE, "今日名单", "entries", "今日名单",
      "personId", "姓名", "outcome", "随访结果", "need", "需求");

  /** The worker's list comes back from the form; chasers record the escalation. */
  @Component("checkInTasks")
  static class Tasks implements TaskListener {
    private final CheckInService checkIns;
    private final ObjectMapper json = new ObjectMapper();

    Tasks(CheckInService checkIns) {
      this.checkIns = checkIns;
    }

    @Override
    public void notify(DelegateTask task) {
      long roundId = ((Number) task.getVariable(ROUND_ID)).longValue();
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        if (TASK_GRID_LEADER_CHASE.equals(task.getTaskDefinitionKey())) {
          checkIns.escalate(roundId, "GRID_LEADER");
        } else if (TASK_COMMUNITY_CHASE.equals(task.getTaskDefinitionKey())) {
          checkIns.escalate(roundId, "COMMUNITY");
        }
        return;
      }
      if (TASK_CALL_PEOPLE.equals(task.getTaskDefinitionKey())) {
        String actor = task.getAssignee() != null ? task.getAssignee() : "system";
        try {
          checkIns.record(roundId, heard(task.getVariable(PEOPLE)), actor, true);
        } catch (InvalidInputException e) {
          throw new FormRefused(e, FIELD_LABELS);
        }
      }
    }

    private List<CheckInService.Heard> heard(Object people) {
      try {
        List<Map<String, Object>> items = json.readValue(String.valueOf(people), new TypeReference<>() {});
        return items.stream().map(item -> new CheckInService.Heard(
            item.get("personId") == null ? null : ((Number) item.get("personId")).longValue(),
            (String) item.get("outcome"), (String) item.get("need"), (String) item.get("needCategory"))).toList();
      } catch (Exception e) {
        throw new InvalidInputException("people", "is not the list this task gave out");
      }
    }
  }

  /** The list carries names and health flags: kept out of the engine's history. */
  @Component
  static class Personal implements PersonalVariables {
    @Override
    public Set<String> names() {
      return Set.of(PEOPLE);
    }
  }
}
