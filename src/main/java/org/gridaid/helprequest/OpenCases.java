package org.gridaid.helprequest;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.gridaid.shared.Coverage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The open help requests as supervisors count them, for the dashboard and the metrics: grouped
 * by grid, escalation level, category, priority and how they stand against their deadlines, in
 * one grouped query; and the cases behind one such figure. A case is overdue as
 * {@code GET /api/v1/help-requests?overdue=true} says: on the clock and past its resolution
 * deadline, or past its response deadline with nobody having responded yet.
 */
@Service
public class OpenCases {

  /** The due state of a row, from the parameters {@code now} and {@code soon}. */
  private static final String DUE = """
      case when status not in (:onTheClock) then 'OFF_THE_CLOCK'
        when resolution_due_at < :now or (first_response_at is null and response_due_at < :now) then 'OVERDUE'
        when resolution_due_at < :soon or (first_response_at is null and response_due_at < :soon) then 'DUE_SOON'
        else 'ON_TIME' end""";

  private final JdbcClient jdbc;
  private final HistoryService history;

  OpenCases(JdbcClient jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /**
   * A count of open cases alike. {@code escalationLevel} null: not escalated (the grid has it);
   * {@code gridCode} null: waiting for an operator to pick the grid; {@code priority} null: not
   * yet triaged.
   */
  public record Group(String gridCode, EscalationLevel escalationLevel, Category category, String priority,
      DueState due, long count) {}

  /** One open case behind a figure: what Cockpit needs to open it and a supervisor to tell it apart. */
  public record Case(long id, String processInstanceId, String gridCode, EscalationLevel escalationLevel,
      Category category, String priority, DueState due, Instant receivedAt, Instant responseDueAt,
      Instant resolutionDueAt) {}

  /**
   * What picks the cases behind a figure; a null field does not filter. {@code notEscalated}: only
   * the cases no level was escalated to (then {@code escalationLevel} is ignored).
   */
  public record Selection(EscalationLevel escalationLevel, boolean notEscalated, Category category, String priority,
      DueState due) {

    public static final Selection ALL = new Selection(null, false, null, null, null);
  }

  /** The open cases of the coverage's grids, counted by grid, level, category, priority and due state. */
  public List<Group> groups(Coverage coverage, Instant now, Duration dueSoonWithin) {
    Query query = new Query(coverage, now, dueSoonWithin);
    if (query.matchesNothing()) {
      return List.of();
    }
    return jdbc.sql("""
            select grid_code, escalation_level, category, priority, due, count(*) as n from (
              select grid_code, escalation_level, category, priority, %s as due from help_request %s) open_cases
            group by grid_code, escalation_level, category, priority, due""".formatted(DUE, query.where()))
        .params(query.params())
        .query((rs, row) -> new Group(rs.getString("grid_code"), level(rs.getString("escalation_level")),
            Category.valueOf(rs.getString("category")), rs.getString("priority"),
            DueState.valueOf(rs.getString("due")), rs.getLong("n")))
        .list();
  }

  /**
   * The open cases of these grids that the selection picks, most urgent first, at most {@code
   * limit}, each with its process instance (null where the engine's user of the call may not read it).
   */
  public List<Case> cases(Coverage coverage, Selection selection, Instant now, Duration dueSoonWithin, int limit) {
    Query query = new Query(coverage, now, dueSoonWithin);
    if (query.matchesNothing()) {
      return List.of();
    }
    StringBuilder filter = new StringBuilder();
    if (selection.notEscalated()) {
      filter.append(" and escalation_level is null");
    } else if (selection.escalationLevel() != null) {
      filter.append(" and escalation_level = :level");
      query.params().put("level", selection.escalationLevel().name());
    }
    if (selection.category() != null) {
      filter.append(" and category = :category");
      query.params().put("category", selection.category().name());
    }
    if (selection.priority() != null) {
      filter.append(" and priority = :priority");
      query.params().put("priority", selection.priority());
    }
    if (selection.due() != null) {
      filter.append(" and due = :due");
      query.params().put("due", selection.due().name());
    }
    query.params().put("limit", limit);
    List<Case> cases = jdbc.sql("""
            select * from (
              select id, grid_code, escalation_level, category, priority, received_at,
                response_due_at, resolution_due_at, %s as due from help_request %s) open_cases
            where 1 = 1 %s
            order by resolution_due_at, id fetch first :limit rows only""".formatted(DUE, query.where(), filter))
        .params(query.params()).query(OpenCases::openCase).list();
    if (cases.isEmpty()) {
      return cases;
    }
    Map<String, String> processes = new HashMap<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(HelpRequestProcess.KEY).unfinished()
        .processInstanceBusinessKeyIn(cases.stream().map(c -> String.valueOf(c.id())).toArray(String[]::new))
        .list().forEach(process -> processes.putIfAbsent(process.getBusinessKey(), process.getId()));
    return cases.stream().map(c -> new Case(c.id(), processes.get(String.valueOf(c.id())), c.gridCode(),
        c.escalationLevel(), c.category(), c.priority(), c.due(), c.receivedAt(), c.responseDueAt(),
        c.resolutionDueAt())).toList();
  }

  private static Case openCase(ResultSet rs, int row) throws SQLException {
    return new Case(rs.getLong("id"), null, rs.getString("grid_code"),
        level(rs.getString("escalation_level")), Category.valueOf(rs.getString("category")), rs.getString("priority"),
        DueState.valueOf(rs.getString("due")), instant(rs, "received_at"), instant(rs, "response_due_at"),
        instant(rs, "resolution_due_at"));
  }

  private static EscalationLevel level(String name) {
    return name == null ? null : EscalationLevel.valueOf(name);
  }

  /** The open cases of the coverage, with the moments the due state is told by. */
  private static final class Query {

    private final Coverage coverage;
    private final Map<String, Object> params = new TreeMap<>();
    private final String gridCondition;

    Query(Coverage coverage, Instant now, Duration dueSoonWithin) {
      this.coverage = coverage;
      params.put("open", HelpRequestStatus.openCodes());
      params.put("onTheClock", HelpRequestStatus.onTheClockCodes());
      params.put("now", Timestamp.from(now));
      params.put("soon", Timestamp.from(now.plus(dueSoonWithin)));
      gridCondition = coverage.sqlCondition("grid_code", params);
    }

    boolean matchesNothing() {
      return coverage.coversNothing();
    }

    String where() {
      return "where status in (:open)" + gridCondition;
    }

    Map<String, Object> params() {
      return params;
    }
  }
}
