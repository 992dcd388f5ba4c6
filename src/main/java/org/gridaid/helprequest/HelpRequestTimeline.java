package org.gridaid.helprequest;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every state change of a case, with actor and time: appended, never changed. */
@Repository
class HelpRequestTimeline {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  HelpRequestTimeline(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  void append(long helpRequestId, List<TimelineEvent> events) {
    List<Object[]> rows = events.stream().map(e -> new Object[] {helpRequestId, Timestamp.from(e.at()),
        e.type().name(), e.level(), e.actor(), e.detail()}).toList();
    if (rows.size() == 1) {
      // most changes record one entry, and a JDBC batch of one costs more than a statement
      batch.update(INSERT, rows.get(0));
    } else if (!rows.isEmpty()) {
      batch.batchUpdate(INSERT, rows);
    }
  }

  private static final String INSERT = """
      insert into help_request_event (help_request_id, occurred_at, type, level, actor, detail)
      values (?, ?, ?, ?, ?, ?)""";

  List<TimelineEvent> of(long helpRequestId) {
    return jdbc.sql("select * from help_request_event where help_request_id = ? order by occurred_at, id")
        .param(helpRequestId)
        .query((rs, row) -> new TimelineEvent(rs.getTimestamp("occurred_at").toInstant(),
            TimelineEventType.valueOf(rs.getString("type")), rs.getString("level"), rs.getString("actor"),
            rs.getString("detail")))
        .list();
  }
}
