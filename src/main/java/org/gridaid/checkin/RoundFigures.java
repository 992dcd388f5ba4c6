package org.gridaid.checkin;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.gridaid.shared.Coverage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How the grids' check-in rounds of a day stand, for the supervisors' dashboard: one grouped query;
 * and the rounds behind one of its figures, each with the process instance a supervisor opens.
 */
@Service
public class RoundFigures {

  private final JdbcClient jdbc;
  private final CheckInSchedule schedule;
  private final HistoryService history;

  RoundFigures(JdbcClient jdbc, CheckInSchedule schedule, HistoryService history) {
    this.jdbc = jdbc;
    this.schedule = schedule;
    this.history = history;
  }

  /** The rounds of one grid and day by status. */
  public record GridRounds(String gridCode, long completed, long open, long missed) {}

  /**
   * One round behind a figure. {@code processInstanceId}: the community's follow-up of a missed
   * round while it runs, else the day's check-in process while it runs (every grid's round is a
   * sub-process of it); null when neither runs or the engine's user of the call may not read it.
   *
   * @param listed people on the round's list
   * @param answered of them, those with an outcome
   * @param escalation who was told that the round was late; null: nobody
   */
  public record Round(long id, String gridCode, LocalDate day, RoundStatus status, RoundEscalation escalation,
      int listed, int answered, Instant completedAt, Instant closedAt, String processInstanceId) {}

  /** The day whose lists went out last: today from {@code daily-at} on, yesterday before it. */
  public LocalDate currentDay() {
    LocalDate today = schedule.today();
    return schedule.startOf(today).isAfter(schedule.clockInstant()) ? today.minusDays(1) : today;
  }

  /** The rounds of {@code day} in the coverage's grids, per grid; grids without a round that day are left out. */
  public List<GridRounds> of(Coverage coverage, LocalDate day) {
    if (coverage.coversNothing()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("day", Date.valueOf(day));
    String grids = coverage.sqlCondition("grid_code", params);
    return jdbc.sql("""
            select grid_code,
              sum(case when status = 'COMPLETED' then 1 else 0 end) as completed,
              sum(case when status = 'OPEN' then 1 else 0 end) as open_rounds,
              sum(case when status = 'MISSED' then 1 else 0 end) as missed
            from check_in_round where check_day = :day%s group by grid_code""".formatted(grids))
        .params(params)
        .query((rs, row) -> new GridRounds(rs.getString("grid_code"), rs.getLong("completed"), rs.getLong("open_rounds"),
            rs.getLong("missed")))
        .list();
  }

  /**
   * The rounds of {@code day} in the coverage's grids with this status (null: any), by grid, at
   * most {@code limit}.
   */
  public List<Round> rounds(Coverage coverage, LocalDate day, RoundStatus status, int limit) {
    if (coverage.coversNothing()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("day", Date.valueOf(day));
    params.put("limit", limit);
    StringBuilder filter = new StringBuilder(coverage.sqlCondition("r.grid_code", params));
    if (status != null) {
      params.put("status", status.name());
      filter.append(" and r.status = :status");
    }
    List<Round> rounds = jdbc.sql("""
            select r.id, r.grid_code, r.check_day, r.status, r.escalation_level, r.completed_at, r.closed_at,
              (select count(*) from check_in_entry e where e.round_id = r.id) as listed,
              (select count(*) from check_in_entry e where e.round_id = r.id and e.outcome is not null) as answered
            from check_in_round r where r.check_day = :day%s
            order by r.grid_code, r.id fetch first :limit rows only""".formatted(filter))
        .params(params)
        .query((rs, row) -> {
          String escalation = rs.getString("escalation_level");
          return new Round(rs.getLong("id"), rs.getString("grid_code"), rs.getDate("check_day").toLocalDate(),
              RoundStatus.valueOf(rs.getString("status")),
              escalation == null ? null : RoundEscalation.valueOf(escalation), rs.getInt("listed"),
              rs.getInt("answered"), instant(rs, "completed_at"), instant(rs, "closed_at"), null);
        })
        .list();
    if (rounds.isEmpty()) {
      return rounds;
    }
    String dayProcess = history.createHistoricProcessInstanceQuery().processDefinitionKey(CheckInProcess.KEY)
        .unfinished().variableValueEquals(CheckInProcess.DAY.getName(), day.toString()).orderByProcessInstanceStartTime()
        .asc().list().stream().findFirst().map(process -> process.getId()).orElse(null);
    Map<String, String> followUps = new HashMap<>();
    String[] missed = rounds.stream().filter(r -> r.status() == RoundStatus.MISSED).map(r -> String.valueOf(r.id()))
        .toArray(String[]::new);
    if (missed.length > 0) {
      history.createHistoricProcessInstanceQuery().processDefinitionKey(MissedRoundProcess.KEY).unfinished()
          .processInstanceBusinessKeyIn(missed).list()
          .forEach(process -> followUps.putIfAbsent(process.getBusinessKey(), process.getId()));
    }
    return rounds.stream().map(r -> new Round(r.id(), r.gridCode(), r.day(), r.status(), r.escalation(), r.listed(),
        r.answered(), r.completedAt(), r.closedAt(), followUps.getOrDefault(String.valueOf(r.id()), dayProcess)))
        .toList();
  }
}
