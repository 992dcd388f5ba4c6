package org.gridaid.supplies;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.gridaid.shared.jdbc.Filters;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ledger's lines in {@code stock_movement}: appended, never updated or deleted (a correction
 * is a movement of its own). A command's first movement carries its idempotency key and a
 * fingerprint of the command; its other movements name that first one ({@code entry_id}).
 */
@Repository
class StockMovements {

  private final JdbcClient jdbc;

  StockMovements(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A movement to append; {@code idempotencyKey} and {@code requestHash} only on a command's first. */
  record NewMovement(MovementKind kind, String siteCode, String itemCode, String batch, LocalDate expiry,
      int quantity, String reason, String actor, Instant occurredAt, Reference reference, Long reservationId,
      Long counterpartId, Long entryId, String idempotencyKey, String requestHash) {}

  private static final String INSERT = """
      insert into stock_movement (kind, site_code, item_code, batch, expiry, quantity, reason, actor, occurred_at,
        reference_type, reference_id, reservation_id, counterpart_id, entry_id, idempotency_key, request_hash)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  private static Object[] columns(NewMovement m) {
    return new Object[] {m.kind().name(), m.siteCode(), m.itemCode(), m.batch(), m.expiry(), m.quantity(), m.reason(),
        m.actor(), Timestamps.of(m.occurredAt()), m.reference() == null ? null : m.reference().type().name(),
        m.reference() == null ? null : m.reference().id(), m.reservationId(), m.counterpartId(), m.entryId(),
        m.idempotencyKey(), m.requestHash()};
  }

  /** Appends movements that need not be read back, in one statement. */
  void appendAll(List<NewMovement> all) {
    String rows = String.join(", ", Collections.nCopies(all.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    jdbc.sql(INSERT.substring(0, INSERT.indexOf("values")) + "values " + rows)
        .params(all.stream().flatMap(m -> Arrays.stream(columns(m))).toList()).update();
  }

  Movement append(NewMovement m) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(INSERT).params(columns(m)).update(keys, "id");
    return new Movement(keys.getKey().longValue(), m.kind(), m.siteCode(), m.itemCode(), m.batch(), m.expiry(),
        m.quantity(), m.reason(), m.actor(), m.occurredAt(), m.reference(), m.reservationId(), m.counterpartId(),
        m.entryId());
  }

  /** The first movement of the command recorded under this key, with the command's fingerprint. */
  record Keyed(Movement first, String requestHash) {}

  Optional<Keyed> byKey(String idempotencyKey) {
    return jdbc.sql("select * from stock_movement where idempotency_key = ?").param(idempotencyKey)
        .query((rs, row) -> new Keyed(map(rs, row), rs.getString("request_hash"))).optional();
  }

  /** Every movement of the command whose first movement this is, in the order they were recorded. */
  List<Movement> ofEntry(long firstId) {
    return jdbc.sql("select * from stock_movement where id = ? or entry_id = ? order by id").params(firstId, firstId)
        .query(StockMovements::map).list();
  }

  List<Movement> ofReservation(long reservationId) {
    return jdbc.sql("select * from stock_movement where reservation_id = ? order by id").param(reservationId)
        .query(StockMovements::map).list();
  }

  List<Movement> ofReference(Reference reference) {
    return jdbc.sql("select * from stock_movement where reference_type = ? and reference_id = ? order by id")
        .params(reference.type().name(), reference.id()).query(StockMovements::map).list();
  }

  /** What the history filters by; null is "any". {@code from} inclusive, {@code to} exclusive. */
  record Query(String siteCode, String itemCode, ReferenceType referenceType, String referenceId, Instant from,
      Instant to) {}

  private static Filters where(Query q) {
    Filters where = new Filters().eq("site_code", q.siteCode()).eq("item_code", q.itemCode())
        .eq("reference_type", q.referenceType() == null ? null : q.referenceType().name())
        .eq("reference_id", q.referenceId());
    if (q.from() != null) {
      where.add("occurred_at >= ?", Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      where.add("occurred_at < ?", Timestamp.from(q.to()));
    }
    return where;
  }

  /** The order they were recorded in, which is the order of time (and of {@code stock_movement}'s indexes). */
  private static final String NEWEST_FIRST = "id desc";

  /** A page of the history, newest first. */
  Page<Movement> search(Query query, int page, int size) {
    return where(query).page(jdbc, "select * from stock_movement", NEWEST_FIRST, page, size, StockMovements::map);
  }

  long count(Query query) {
    return search(query, 0, 1).total();
  }

  /** The whole history the query matches, newest first. */
  List<Movement> all(Query query) {
    return where(query).list(jdbc, "select * from stock_movement", NEWEST_FIRST, StockMovements::map);
  }

  static Movement map(ResultSet rs, int row) throws SQLException {
    String referenceType = rs.getString("reference_type");
    return new Movement(rs.getLong("id"), MovementKind.valueOf(rs.getString("kind")), rs.getString("site_code"),
        rs.getString("item_code"), rs.getString("batch"), rs.getObject("expiry", LocalDate.class),
        rs.getInt("quantity"), rs.getString("reason"), rs.getString("actor"), instant(rs, "occurred_at"),
        referenceType == null ? null : new Reference(ReferenceType.valueOf(referenceType), rs.getString("reference_id")),
        rs.getObject("reservation_id", Long.class), rs.getObject("counterpart_id", Long.class),
        rs.getObject("entry_id", Long.class));
  }
}
