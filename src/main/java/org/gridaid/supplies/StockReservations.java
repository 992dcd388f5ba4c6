package org.gridaid.supplies;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridaid.shared.jdbc.Timestamps;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reservations in {@code stock_reservation}, one statement a save: an insert, or an update that
 * fails with {@link OptimisticLockingFailureException} (409) when somebody saved the reservation
 * since it was read, so that two couriers cannot both issue or release it.
 */
@Repository
class StockReservations {

  private final JdbcClient jdbc;

  StockReservations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StockReservation> find(long id) {
    return jdbc.sql("select * from stock_reservation where id = ?").param(id).query(StockReservations::map).optional();
  }

  StockReservation insert(StockReservation r) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(INSERT).params(columns(r)).update(keys, "id");
    r.inserted(keys.getKey().longValue());
    return r;
  }

  private static final String INSERT = """
      insert into stock_reservation (site_code, item_code, quantity, status, reference_type, reference_id,
        reserved_by, reserved_at)
      values (?, ?, ?, ?, ?, ?, ?, ?)""";

  /** Inserts new reservations in one statement, each with its id. */
  void insertAll(List<StockReservation> all) {
    var keys = new GeneratedKeyHolder();
    String rows = String.join(", ", Collections.nCopies(all.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"));
    jdbc.sql(INSERT.substring(0, INSERT.indexOf("values")) + "values " + rows)
        .params(all.stream().flatMap(r -> Arrays.stream(columns(r))).toList()).update(keys, "id");
    List<Map<String, Object>> ids = keys.getKeyList();
    for (int i = 0; i < all.size(); i++) {
      all.get(i).inserted(((Number) ids.get(i).get("id")).longValue());
    }
  }

  private static Object[] columns(StockReservation r) {
    return new Object[] {r.siteCode(), r.itemCode(), r.quantity(), r.status().name(), r.reference().type().name(),
        r.reference().id(), r.reservedBy(), Timestamps.of(r.reservedAt())};
  }

  void save(StockReservation r) {
    int updated = jdbc.sql("""
            update stock_reservation set issued_quantity = ?, returned_quantity = ?, status = ?, closed_by = ?,
              closed_at = ?, version = version + 1
            where id = ? and version = ?""")
        .params(r.issued(), r.returned(), r.status().name(), r.closedBy(), Timestamps.of(r.closedAt()), r.id(),
            r.version())
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("Reservation " + r.id() + " was changed meanwhile");
    }
    r.updated();
  }

  private static StockReservation map(ResultSet rs, int row) throws SQLException {
    return new StockReservation(rs.getLong("id"), rs.getInt("version"), rs.getString("site_code"),
        rs.getString("item_code"), rs.getInt("quantity"), rs.getInt("issued_quantity"),
        rs.getInt("returned_quantity"), ReservationStatus.valueOf(rs.getString("status")),
        new Reference(ReferenceType.valueOf(rs.getString("reference_type")), rs.getString("reference_id")),
        rs.getString("reserved_by"), instant(rs, "reserved_at"), rs.getString("closed_by"), instant(rs, "closed_at"));
  }
}
