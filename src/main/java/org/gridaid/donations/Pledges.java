package org.gridaid.donations;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.Timestamps;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The pledges of goods in {@code donation_pledge}: the donor's details encrypted on the way in, once. */
@Repository
class Pledges {

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  Pledges(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  Optional<Pledge> find(long id) {
    return jdbc.sql("select * from donation_pledge where id = ?").param(id).query(this::map).optional();
  }

  Optional<Pledge> findByKey(String pledgedBy, String idempotencyKey) {
    return jdbc.sql("select * from donation_pledge where pledged_by = ? and idempotency_key = ?")
        .params(pledgedBy, idempotencyKey).query(this::map).optional();
  }

  Pledge save(Pledge p) {
    if (p.id() == null) {
      var keys = new GeneratedKeyHolder();
      jdbc.sql("""
              insert into donation_pledge (appeal_id, item_code, quantity, site_code, promised_on, donor_name_enc,
                donor_phone_enc, anonymous, status, pledged_by, pledged_at, idempotency_key, request_hash, version)
              values (:appealId, :itemCode, :quantity, :siteCode, :promisedOn, :name, :phone, :anonymous, :status,
                :pledgedBy, :pledgedAt, :idempotencyKey, :requestHash, 0)""")
          .param("appealId", p.appealId()).param("itemCode", p.itemCode()).param("quantity", p.quantity())
          .param("siteCode", p.siteCode()).param("promisedOn", Date.valueOf(p.promisedOn()))
          .param("name", cipher.encrypt(p.donor().name())).param("phone", cipher.encrypt(p.donor().phone()))
          .param("anonymous", p.donor().anonymous()).param("status", p.status().name())
          .param("pledgedBy", p.pledgedBy()).param("pledgedAt", Timestamps.of(p.pledgedAt()))
          .param("idempotencyKey", p.idempotencyKey()).param("requestHash", p.requestHash())
          .update(keys, "id");
      p.inserted(keys.getKey().longValue());
      return p;
    }
    int updated = jdbc.sql("""
            update donation_pledge set promised_on = :promisedOn, status = :status, times_extended = :timesExtended,
              received_quantity = :received, refused_quantity = :refused, refused_reason = :refusedReason,
              expiry = :expiry, cancel_reason = :cancelReason, receipt_year = :receiptYear,
              receipt_number = :receiptNumber, checked_in_by = :checkedInBy, checked_in_at = :checkedInAt,
              version = version + 1
            where id = :id and version = :version""")
        .param("promisedOn", Date.valueOf(p.promisedOn())).param("status", p.status().name())
        .param("timesExtended", p.timesExtended()).param("received", p.receivedQuantity())
        .param("refused", p.refusedQuantity()).param("refusedReason", p.refusedReason())
        .param("expiry", p.expiry() == null ? null : Date.valueOf(p.expiry()))
        .param("cancelReason", p.cancelReason()).param("receiptYear", p.receiptYear())
        .param("receiptNumber", p.receiptNumber()).param("checkedInBy", p.checkedInBy())
        .param("checkedInAt", Timestamps.of(p.checkedInAt())).param("id", p.id()).param("version", p.version())
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("Pledge " + p.id() + " was changed meanwhile");
    }
    p.updated();
    return p;
  }

  private Pledge map(ResultSet rs, int row) throws SQLException {
    return new Pledge(new Pledge.Stored(rs.getLong("id"), rs.getInt("version"), rs.getLong("appeal_id"),
        rs.getString("item_code"), rs.getInt("quantity"), rs.getString("site_code"), date(rs, "promised_on"),
        new Gift.Donor(cipher.decrypt(rs.getString("donor_name_enc")), cipher.decrypt(rs.getString("donor_phone_enc")),
            null, rs.getBoolean("anonymous")),
        PledgeStatus.valueOf(rs.getString("status")), rs.getInt("times_extended"),
        rs.getObject("received_quantity", Integer.class), rs.getObject("refused_quantity", Integer.class),
        rs.getString("refused_reason"), date(rs, "expiry"), rs.getString("cancel_reason"),
        rs.getObject("receipt_year", Integer.class), rs.getObject("receipt_number", Integer.class),
        rs.getString("pledged_by"), instant(rs, "pledged_at"), rs.getString("idempotency_key"),
        rs.getString("request_hash"), rs.getString("checked_in_by"), instant(rs, "checked_in_at")));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }
}
