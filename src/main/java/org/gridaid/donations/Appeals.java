package org.gridaid.donations;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridaid.shared.jdbc.Filters;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.shared.jdbc.Timestamps;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The appeals in {@code donation_appeal}: the aggregate is written in one statement (an update
 * only if nobody saved it since it was read), its counters by conditional updates of their own
 * that never touch its version, so that a pledge and a close of the same moment do not conflict:
 * the database orders them on the row, and a pledge after the close finds it closed.
 */
@Repository
class Appeals {

  /** What was pledged and received against an appeal, as the counters hold it now. */
  record Progress(long pledged, long received, int pledges, Instant targetReachedAt) {}

  private final JdbcClient jdbc;

  Appeals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Appeal> find(long id) {
    return jdbc.sql("select * from donation_appeal where id = ?").param(id).query(this::map).optional();
  }

  /** The appeal {@code openedBy} opened under {@code idempotencyKey}, if any. */
  Optional<Appeal> findByKey(String openedBy, String idempotencyKey) {
    return jdbc.sql("select * from donation_appeal where opened_by = ? and idempotency_key = ?")
        .params(openedBy, idempotencyKey).query(this::map).optional();
  }

  Progress progress(long id) {
    return jdbc.sql("select pledged, received, pledges, target_reached_at from donation_appeal where id = ?")
        .param(id).query((rs, row) -> new Progress(rs.getLong("pledged"), rs.getLong("received"),
            rs.getInt("pledges"), instant(rs, "target_reached_at"))).single();
  }

  /** A page of the appeals, newest first, with their progress. */
  Page<Appeal> search(AppealStatus status, AppealKind kind, int page, int size) {
    Filters where = new Filters().eq("status", status == null ? null : status.name())
        .eq("kind", kind == null ? null : kind.name());
    return where.page(jdbc, "select * from donation_appeal", "opened_at desc, id desc", page, size, this::map);
  }

  Appeal save(Appeal a) {
    if (a.id() == null) {
      var keys = new GeneratedKeyHolder();
      jdbc.sql("""
              insert into donation_appeal (title, kind, item_code, target, deadline, area_code, status, opened_by,
                opened_at, closed_by, closed_at, idempotency_key, request_hash, version)
              values (:title, :kind, :itemCode, :target, :deadline, :areaCode, :status, :openedBy, :openedAt,
                :closedBy, :closedAt, :idempotencyKey, :requestHash, 0)""")
          .param("title", a.title()).param("kind", a.kind().name()).param("itemCode", a.itemCode())
          .param("target", a.target()).param("deadline", Timestamps.of(a.deadline()))
          .param("areaCode", a.areaCode()).param("status", a.status().name()).param("openedBy", a.openedBy())
          .param("openedAt", Timestamps.of(a.openedAt())).param("closedBy", a.closedBy())
          .param("closedAt", Timestamps.of(a.closedAt()))
          .param("idempotencyKey", a.idempotencyKey()).param("requestHash", a.requestHash())
          .update(keys, "id");
      a.inserted(keys.getKey().longValue());
      List<String> sites = a.siteCodes();
      for (int i = 0; i < sites.size(); i++) {
        jdbc.sql("insert into donation_appeal_site (appeal_id, position, site_code) values (?, ?, ?)")
            .params(a.id(), i, sites.get(i)).update();
      }
      return a;
    }
    int updated = jdbc.sql("""
            update donation_appeal set deadline = :deadline, status = :status, closed_by = :closedBy,
              closed_at = :closedAt, version = version + 1
            where id = :id and version = :version""")
        .param("deadline", Timestamps.of(a.deadline())).param("status", a.status().name()).param("closedBy", a.closedBy())
        .param("closedAt", Timestamps.of(a.closedAt())).param("id", a.id()).param("version", a.version())
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("Appeal " + a.id() + " was changed meanwhile");
    }
    a.updated();
    return a;
  }

  /**
   * Counts a pledge of {@code amount} (fen or units) if the appeal is still open: false (nothing
   * changed) if it is closed. Holds the appeal's row to the end of the caller's transaction.
   */
  boolean pledge(long id, long amount) {
    return jdbc.sql("""
            update donation_appeal set pledged = pledged + :amount, pledges = pledges + 1
            where id = :id and status = 'OPEN'""")
        .param("amount", amount).param("id", id).update() == 1;
  }

  /** A pledge withdrawn or corrected down (a pledge cancelled): it no longer counts. */
  void unpledge(long id, long amount) {
    jdbc.sql("update donation_appeal set pledged = pledged - :amount, pledges = pledges - 1 where id = :id")
        .param("amount", amount).param("id", id).update();
  }

  /** Received against the appeal (money confirmed, goods checked in), open or closed. */
  void receive(long id, long amount) {
    jdbc.sql("update donation_appeal set received = received + :amount where id = :id")
        .param("amount", amount).param("id", id).update();
  }

  /** A refund or a correction of what arrived: pledged and received change by {@code delta} (signed). */
  void correct(long id, long delta) {
    jdbc.sql("update donation_appeal set pledged = pledged + :delta, received = received + :delta where id = :id")
        .param("delta", delta).param("id", id).update();
  }

  /** Whether this call is the one that found the target reached first: true once per appeal. */
  boolean markTargetReached(long id, Instant at) {
    return jdbc.sql("""
            update donation_appeal set target_reached_at = :at
            where id = :id and target_reached_at is null and pledged >= target""")
        .param("at", Timestamp.from(at)).param("id", id).update() == 1;
  }

  private Appeal map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    return new Appeal(new Appeal.Stored(id, rs.getInt("version"), rs.getString("title"),
        AppealKind.valueOf(rs.getString("kind")), rs.getString("item_code"), rs.getLong("target"),
        instant(rs, "deadline"), sites(id), rs.getString("area_code"), AppealStatus.valueOf(rs.getString("status")),
        rs.getString("opened_by"), instant(rs, "opened_at"), rs.getString("closed_by"), instant(rs, "closed_at"),
        rs.getString("idempotency_key"), rs.getString("request_hash")));
  }

  private List<String> sites(long appealId) {
    return jdbc.sql("select site_code from donation_appeal_site where appeal_id = ? order by position")
        .param(appealId).query(String.class).list();
  }
}
