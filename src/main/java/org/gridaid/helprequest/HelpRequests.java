package org.gridaid.helprequest;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.jdbc.Filters;
import org.gridaid.shared.jdbc.Timestamps;
import org.gridaid.shared.jdbc.Page;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The cases in {@code help_request}: a case is written in one statement, a changed one only if
 * nobody saved it since it was read (its {@code version}); the caller's details are encrypted
 * on the way in (once: nothing changes them) and decrypted on the way out. (Spring Data JDBC did the same at
 * five times the CPU per save, a fifth of an intake's; see docs/architecture.md.)
 */
@Repository
class HelpRequests {

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  HelpRequests(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  Optional<HelpRequest> findById(long id) {
    return jdbc.sql("select * from help_request where id = ?").param(id).query(this::map).optional();
  }

  /** The cases with these ids, in the order of the ids. */
  List<HelpRequest> findAllById(List<Long> ids) {
    Map<Long, HelpRequest> found = new Filters().in("id", ids)
        .list(jdbc, "select * from help_request", "id", this::map).stream()
        .collect(Collectors.toMap(HelpRequest::id, Function.identity()));
    return ids.stream().map(found::get).toList();
  }

  Optional<HelpRequest> findByTrackingCode(String trackingCode) {
    return jdbc.sql("select * from help_request where tracking_code = ?").param(trackingCode).query(this::map)
        .optional();
  }

  Optional<HelpRequest> findBySubmittedByAndIdempotencyKey(String submittedBy, String idempotencyKey) {
    return jdbc.sql("select * from help_request where submitted_by = ? and idempotency_key = ?")
        .params(submittedBy, idempotencyKey).query(this::map).optional();
  }

  /** The oldest case from this phone (by its keyed hash) about the same thing in one of the statuses. */
  Optional<HelpRequest> findFirstByPhone(String phoneHash, Category category, Collection<String> statuses) {
    return jdbc.sql("""
            select * from help_request where caller_phone_hash = :phoneHash and category = :category
              and status in (:statuses) order by id fetch first 1 rows only""")
        .param("phoneHash", phoneHash).param("category", category.name()).param("statuses", statuses)
        .query(this::map).optional();
  }

  /**
   * A page of the cases in the coverage, newest first; with {@code overdueAt}, only those on the
   * clock past a deadline at that time.
   */
  Page<HelpRequest> search(Coverage coverage, String gridCode, HelpRequestStatus status, Instant overdueAt, int page,
      int size) {
    Filters where = new Filters().within("grid_code", coverage).eq("grid_code", gridCode)
        .eq("status", status == null ? null : status.name());
    if (overdueAt != null) {
      Timestamp at = Timestamp.from(overdueAt);
      where.in("status", HelpRequestStatus.onTheClockCodes())
          .add("(resolution_due_at < ? or (first_response_at is null and response_due_at < ?))", at, at);
    }
    Page<Long> ids = where.page(jdbc, "select id, received_at from help_request", "received_at desc, id desc", page,
        size, (rs, row) -> rs.getLong("id"));
    return new Page<>(findAllById(ids.items()), ids.page(), ids.size(), ids.total());
  }

  /** Inserts a new case or updates a stored one; the same instance, with its id and version. */
  HelpRequest save(HelpRequest request) {
    if (request.id() == null) {
      var keys = new GeneratedKeyHolder();
      columns(jdbc.sql("""
              insert into help_request (tracking_code, status, caller_name_enc, caller_phone_enc, caller_phone_hash,
                address_enc, minimal_unit_code, grid_code, category, description_enc, affected_person_enc,
                vulnerabilities, channel, priority, medical_alert, received_at, response_due_at, resolution_due_at,
                escalate_every, escalation_level, escalated_at, first_response_at, handled_at, closed_at, outcome,
                action_taken, transferred_to, callback_attempts, held_since, hold_until, hold_reason, hold_count,
                time_on_hold_seconds, linked_to_id, linked_calls, cancel_reason, submitted_by, idempotency_key, request_hash, version)
              values (:trackingCode, :status, :callerName, :callerPhone, :callerPhoneHash, :address,
                :minimalUnitCode, :gridCode, :category, :description, :affectedPerson, :vulnerabilities, :channel,
                :priority, :medicalAlert, :receivedAt, :responseDueAt, :resolutionDueAt, :escalateEvery,
                :escalationLevel, :escalatedAt, :firstResponseAt, :handledAt, :closedAt, :outcome, :actionTaken,
                :transferredTo, :callbackAttempts, :heldSince, :holdUntil, :holdReason, :holdCount,
                :timeOnHoldSeconds, :linkedToId, :linkedCalls,
                :cancelReason, :submittedBy, :idempotencyKey, :requestHash, 0)"""), request)
          .update(keys, "id");
      request.inserted(keys.getKey().longValue());
      return request;
    }
    // what the caller said (encrypted) is written once, with the new case: no transition changes it
    int updated = state(jdbc.sql("""
            update help_request set status = :status, grid_code = :gridCode, priority = :priority,
              medical_alert = :medicalAlert, received_at = :receivedAt, response_due_at = :responseDueAt,
              resolution_due_at = :resolutionDueAt, escalate_every = :escalateEvery,
              escalation_level = :escalationLevel, escalated_at = :escalatedAt, first_response_at = :firstResponseAt,
              handled_at = :handledAt, closed_at = :closedAt, outcome = :outcome, action_taken = :actionTaken,
              transferred_to = :transferredTo, callback_attempts = :callbackAttempts, held_since = :heldSince,
              hold_until = :holdUntil, hold_reason = :holdReason, hold_count = :holdCount,
              time_on_hold_seconds = :timeOnHoldSeconds, linked_to_id = :linkedToId,
              linked_calls = :linkedCalls, cancel_reason = :cancelReason, submitted_by = :submittedBy,
              idempotency_key = :idempotencyKey, request_hash = :requestHash, version = version + 1
            where id = :id and version = :version"""), request)
        .param("id", request.id()).param("version", request.version())
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("Help request " + request.id() + " was changed meanwhile");
    }
    request.updated();
    return request;
  }

  /** Every column of a new case. */
  private StatementSpec columns(StatementSpec statement, HelpRequest r) {
    return state(statement, r).param("trackingCode", r.trackingCode())
        .param("callerName", cipher.encrypt(r.callerName())).param("callerPhone", cipher.encrypt(r.callerPhone()))
        .param("callerPhoneHash", r.callerPhoneHash()).param("address", cipher.encrypt(r.address()))
        .param("minimalUnitCode", r.minimalUnitCode()).param("category", r.category().name())
        .param("description", cipher.encrypt(r.description()))
        .param("affectedPerson", cipher.encrypt(r.affectedPerson())).param("vulnerabilities", r.vulnerabilityCodes())
        .param("channel", r.channel().name());
  }

  /** The columns the transitions change. */
  private StatementSpec state(StatementSpec statement, HelpRequest r) {
    return statement.param("status", r.status().name()).param("gridCode", r.gridCode())
        .param("priority", r.priority()).param("medicalAlert", r.medicalAlert())
        .param("receivedAt", Timestamps.of(r.receivedAt())).param("responseDueAt", Timestamps.of(r.responseDueAt()))
        .param("resolutionDueAt", Timestamps.of(r.resolutionDueAt())).param("escalateEvery", r.escalateEvery())
        .param("escalationLevel", name(r.escalationLevel())).param("escalatedAt", Timestamps.of(r.escalatedAt()))
        .param("firstResponseAt", Timestamps.of(r.firstResponseAt())).param("handledAt", Timestamps.of(r.handledAt()))
        .param("closedAt", Timestamps.of(r.closedAt())).param("outcome", name(r.outcome()))
        .param("actionTaken", r.actionTaken()).param("transferredTo", r.transferredTo())
        .param("callbackAttempts", r.callbackAttempts()).param("heldSince", Timestamps.of(r.heldSince()))
        .param("holdUntil", Timestamps.of(r.holdUntil())).param("holdReason", r.holdReason())
        .param("holdCount", r.holdCount()).param("timeOnHoldSeconds", r.timeOnHold().toSeconds())
        .param("linkedToId", r.linkedToId()).param("linkedCalls", r.linkedCalls())
        .param("cancelReason", r.cancelReason()).param("submittedBy", r.submittedBy())
        .param("idempotencyKey", r.idempotencyKey()).param("requestHash", r.requestHash());
  }

  private HelpRequest map(ResultSet rs, int row) throws SQLException {
    return new HelpRequest(new HelpRequest.Stored(rs.getLong("id"), rs.getInt("version"),
        rs.getString("tracking_code"), HelpRequestStatus.valueOf(rs.getString("status")),
        cipher.decrypt(rs.getString("caller_name_enc")), cipher.decrypt(rs.getString("caller_phone_enc")),
        rs.getString("caller_phone_hash"), cipher.decrypt(rs.getString("address_enc")),
        rs.getString("minimal_unit_code"), rs.getString("grid_code"), Category.valueOf(rs.getString("category")),
        cipher.decrypt(rs.getString("description_enc")), cipher.decrypt(rs.getString("affected_person_enc")),
        rs.getString("vulnerabilities"), Channel.valueOf(rs.getString("channel")), rs.getString("priority"),
        rs.getBoolean("medical_alert"), instant(rs, "received_at"), instant(rs, "response_due_at"),
        instant(rs, "resolution_due_at"), rs.getString("escalate_every"),
        value(EscalationLevel.class, rs.getString("escalation_level")), instant(rs, "escalated_at"),
        instant(rs, "first_response_at"), instant(rs, "handled_at"), instant(rs, "closed_at"),
        value(HandlingOutcome.class, rs.getString("outcome")), rs.getString("action_taken"),
        rs.getString("transferred_to"), rs.getInt("callback_attempts"), instant(rs, "held_since"),
        instant(rs, "hold_until"), rs.getString("hold_reason"), rs.getInt("hold_count"),
        Duration.ofSeconds(rs.getLong("time_on_hold_seconds")), rs.getObject("linked_to_id", Long.class),
        rs.getInt("linked_calls"), rs.getString("cancel_reason"), rs.getString("submitted_by"),
        rs.getString("idempotency_key"), rs.getString("request_hash")));
  }

  private static <E extends Enum<E>> E value(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
