package org.gridaid.helprequest;

import org.gridaid.register.Vulnerability;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.EnumCodes;
import org.gridaid.shared.jdbc.Filters;
import org.gridaid.shared.jdbc.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The case table and its timeline. */
@Repository
class HelpRequests {

  private final JdbcClient jdbc;

  HelpRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Intake intake, String trackingCode, HelpRequestStatus status, Long linkedToId, String submittedBy,
      Instant receivedAt) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into help_request (tracking_code, status, caller_name, caller_phone, address, minimal_unit_code,
              grid_code, category, description, affected_person, vulnerabilities, channel, received_at,
              linked_to_id, submitted_by)
            values (:trackingCode, :status, :callerName, :callerPhone, :address, :minimalUnitCode, :gridCode,
              :category, :description, :affectedPerson, :vulnerabilities, :channel, :receivedAt, :linkedToId,
              :submittedBy)""")
        .param("trackingCode", trackingCode)
        .param("status", status.name())
        .param("callerName", intake.callerName())
        .param("callerPhone", intake.callerPhone())
        .param("address", intake.address())
        .param("minimalUnitCode", intake.minimalUnitCode())
        .param("gridCode", intake.gridCode())
        .param("category", intake.category().name())
        .param("description", intake.description())
        .param("affectedPerson", intake.affectedPerson())
        .param("vulnerabilities", EnumCodes.join(intake.vulnerabilities()))
        .param("channel", intake.channel().name())
        .param("receivedAt", Timestamp.from(receivedAt))
        .param("linkedToId", linkedToId)
        .param("submittedBy", submittedBy)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<HelpRequest> find(long id) {
    return jdbc.sql("select * from help_request where id = ?").param(id).query(HelpRequests::map).optional();
  }

  Optional<HelpRequest> findByTrackingCode(String trackingCode) {
    return jdbc.sql("select * from help_request where tracking_code = ?").param(trackingCode)
        .query(HelpRequests::map).optional();
  }

  Optional<HelpRequest> findByIdempotencyKey(String submittedBy, String key) {
    return jdbc.sql("select * from help_request where submitted_by = ? and idempotency_key = ?")
        .params(submittedBy, key).query(HelpRequests::map).optional();
  }

  /** The oldest open case from this phone about the same thing, if any. */
  Optional<HelpRequest> findOpen(String phone, Category category) {
    return jdbc.sql("""
            select * from help_request where caller_phone = ? and category = ?
              and status not in ('CLOSED', 'CLOSED_UNREACHABLE', 'CANCELLED', 'LINKED')
            order by id fetch first 1 rows only""")
        .params(phone, category.name()).query(HelpRequests::map).optional();
  }

  void rememberIdempotencyKey(long id, String key, String requestHash) {
    jdbc.sql("update help_request set idempotency_key = ?, request_hash = ? where id = ?")
        .params(key, requestHash, id).update();
  }

  /** Sets the given columns; {@code version} counts changes for readers that cache. */
  void update(long id, String assignments, Object... values) {
    Object[] params = new Object[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      params[i] = values[i] instanceof Instant instant ? Timestamp.from(instant)
          : values[i] instanceof Enum<?> e ? e.name() : values[i];
    }
    params[values.length] = id;
    jdbc.sql("update help_request set " + assignments + ", version = version + 1 where id = ?").params(params)
        .update();
  }

  void addEvent(long id, Instant at, TimelineEventType type, String level, String actor, String detail) {
    jdbc.sql("""
            insert into help_request_event (help_request_id, occurred_at, type, level, actor, detail)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, Timestamp.from(at), type.name(), level, actor, detail)
        .update();
  }

  List<TimelineEvent> timeline(long id) {
    return jdbc.sql("select * from help_request_event where help_request_id = ? order by occurred_at, id")
        .param(id)
        .query((rs, row) -> new TimelineEvent(rs.getTimestamp("occurred_at").toInstant(),
            TimelineEventType.valueOf(rs.getString("type")), rs.getString("level"), rs.getString("actor"),
            rs.getString("detail")))
        .list();
  }

  /** A page of cases for supervisors. */
  Page<HelpRequest> search(Coverage coverage, String gridCode, HelpRequestStatus status, boolean overdue,
      Instant now, int page, int size) {
    Filters where = new Filters().within("grid_code", coverage).eq("grid_code", gridCode)
        .eq("status", status == null ? null : status.name());
    if (overdue) {
      where.add("status in ('RECEIVED', 'AWAITING_GRID', 'ASSIGNED', 'IN_PROGRESS')"
          + " and (resolution_due_at < ? or (first_response_at is null and response_due_at < ?))",
          Timestamp.from(now), Timestamp.from(now));
    }
    return where.page(jdbc, "select * from help_request", "received_at desc, id desc", page, size,
        HelpRequests::map);
  }

  private static HelpRequest map(ResultSet rs, int row) throws SQLException {
    String escalation = rs.getString("escalation_level");
    String outcome = rs.getString("outcome");
    Long linkedTo = rs.getObject("linked_to_id", Long.class);
    return new HelpRequest(rs.getLong("id"), rs.getString("tracking_code"),
        HelpRequestStatus.valueOf(rs.getString("status")), rs.getString("caller_name"),
        rs.getString("caller_phone"), rs.getString("address"), rs.getString("minimal_unit_code"),
        rs.getString("grid_code"), Category.valueOf(rs.getString("category")), rs.getString("description"),
        rs.getString("affected_person"), EnumCodes.parse(Vulnerability.class, rs.getString("vulnerabilities")),
        Channel.valueOf(rs.getString("channel")), rs.getString("priority"), rs.getBoolean("medical_alert"),
        instant(rs, "received_at"), instant(rs, "response_due_at"), instant(rs, "resolution_due_at"),
        rs.getString("escalate_every"), escalation == null ? null : EscalationLevel.valueOf(escalation),
        instant(rs, "escalated_at"),
        instant(rs, "first_response_at"), instant(rs, "handled_at"), instant(rs, "closed_at"),
        outcome == null ? null : Outcome.valueOf(outcome), rs.getString("action_taken"),
        rs.getString("transferred_to"), rs.getInt("callback_attempts"), instant(rs, "held_since"),
        instant(rs, "hold_until"), rs.getString("hold_reason"), linkedTo,
        rs.getInt("linked_calls"), rs.getString("cancel_reason"), rs.getString("submitted_by"),
        rs.getString("idempotency_key"), rs.getString("request_hash"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
