package org.gridaid.donations;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.Timestamps;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The money entries in {@code donation_gift}: inserted with the donor's details encrypted (once:
 * nothing changes them), updated only by a confirmation, and only if nobody saved the entry since
 * it was read.
 */
@Repository
class Gifts {

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  Gifts(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  Optional<Gift> find(long id) {
    return jdbc.sql("select * from donation_gift where id = ?").param(id).query(this::map).optional();
  }

  /**
   * The gift, its row held to the end of the caller's transaction: two confirmations of one gift
   * (a callback sent twice at once) take their turns, and the second finds it confirmed.
   */
  Optional<Gift> lock(long id) {
    return jdbc.sql("select * from donation_gift where id = ? for update").param(id).query(this::map).optional();
  }

  Optional<Gift> findByTransaction(String transactionId) {
    return jdbc.sql("select * from donation_gift where platform_transaction_id = ?").param(transactionId)
        .query(this::map).optional();
  }

  /** The entry {@code recordedBy} made under {@code idempotencyKey}, if any. */
  Optional<Gift> findByKey(String recordedBy, String idempotencyKey) {
    return jdbc.sql("select * from donation_gift where recorded_by = ? and idempotency_key = ?")
        .params(recordedBy, idempotencyKey).query(this::map).optional();
  }

  /** What is left of a gift after its refunds and corrections, in fen. */
  long left(long giftId) {
    return jdbc.sql("select coalesce(sum(amount_fen), 0) from donation_gift where (id = :id or corrects_id = :id)"
        + " and status = 'CONFIRMED'").param("id", giftId).query(Long.class).single();
  }

  Gift save(Gift g) {
    if (g.id() == null) {
      var keys = new GeneratedKeyHolder();
      jdbc.sql("""
              insert into donation_gift (appeal_id, entry_kind, corrects_id, channel, amount_fen, donor_name_enc,
                donor_phone_enc, donor_id_number_enc, anonymous, platform_transaction_id, status, reason,
                receipt_year, receipt_number, recorded_by, recorded_at, confirmed_by, confirmed_at, idempotency_key,
                request_hash, version)
              values (:appealId, :entryKind, :correctsId, :channel, :amountFen, :name, :phone, :idNumber, :anonymous,
                :transactionId, :status, :reason, :receiptYear, :receiptNumber, :recordedBy, :recordedAt,
                :confirmedBy, :confirmedAt, :idempotencyKey, :requestHash, 0)""")
          .param("appealId", g.appealId()).param("entryKind", g.entryKind().name()).param("correctsId", g.correctsId())
          .param("channel", g.channel().name()).param("amountFen", g.amountFen())
          .param("name", cipher.encrypt(g.donor().name())).param("phone", cipher.encrypt(g.donor().phone()))
          .param("idNumber", cipher.encrypt(g.donor().idNumber())).param("anonymous", g.donor().anonymous())
          .param("transactionId", g.transactionId()).param("status", g.status().name()).param("reason", g.reason())
          .param("receiptYear", g.receiptYear()).param("receiptNumber", g.receiptNumber())
          .param("recordedBy", g.recordedBy()).param("recordedAt", Timestamps.of(g.recordedAt()))
          .param("confirmedBy", g.confirmedBy()).param("confirmedAt", Timestamps.of(g.confirmedAt()))
          .param("idempotencyKey", g.idempotencyKey()).param("requestHash", g.requestHash())
          .update(keys, "id");
      g.inserted(keys.getKey().longValue());
      return g;
    }
    int updated = jdbc.sql("""
            update donation_gift set status = :status, receipt_year = :receiptYear, receipt_number = :receiptNumber,
              confirmed_by = :confirmedBy, confirmed_at = :confirmedAt, version = version + 1
            where id = :id and version = :version""")
        .param("status", g.status().name()).param("receiptYear", g.receiptYear())
        .param("receiptNumber", g.receiptNumber()).param("confirmedBy", g.confirmedBy())
        .param("confirmedAt", Timestamps.of(g.confirmedAt())).param("id", g.id()).param("version", g.version())
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("Gift " + g.id() + " was changed meanwhile");
    }
    g.updated();
    return g;
  }

  private Gift map(ResultSet rs, int row) throws SQLException {
    return new Gift(new Gift.Stored(rs.getLong("id"), rs.getInt("version"), rs.getObject("appeal_id", Long.class),
        EntryKind.valueOf(rs.getString("entry_kind")), rs.getObject("corrects_id", Long.class),
        GiftChannel.valueOf(rs.getString("channel")), rs.getLong("amount_fen"),
        new Gift.Donor(cipher.decrypt(rs.getString("donor_name_enc")), cipher.decrypt(rs.getString("donor_phone_enc")),
            cipher.decrypt(rs.getString("donor_id_number_enc")), rs.getBoolean("anonymous")),
        rs.getString("platform_transaction_id"), GiftStatus.valueOf(rs.getString("status")), rs.getString("reason"),
        rs.getObject("receipt_year", Integer.class), rs.getObject("receipt_number", Integer.class),
        rs.getString("recorded_by"), instant(rs, "recorded_at"), rs.getString("confirmed_by"),
        instant(rs, "confirmed_at"), rs.getString("idempotency_key"), rs.getString("request_hash")));
  }
}
