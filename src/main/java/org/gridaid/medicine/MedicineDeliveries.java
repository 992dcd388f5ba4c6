package org.gridaid.medicine;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.Timestamps;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores {@link MedicineDelivery} with its lines: one statement for the delivery (an insert, or
 * an update guarded by its version), one per line. Personal fields are encrypted on the way in
 * and decrypted on the way out.
 */
@Repository
class MedicineDeliveries {

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  MedicineDeliveries(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  Optional<MedicineDelivery> findById(long id) {
    return jdbc.sql("select * from medicine_delivery where id = ?").param(id).query(this::map).optional();
  }

  Optional<MedicineDelivery> findByRequestedByAndIdempotencyKey(String requestedBy, String key) {
    return jdbc.sql("select * from medicine_delivery where requested_by = ? and idempotency_key = ?")
        .params(requestedBy, key).query(this::map).optional();
  }

  /** The deliveries a help request asked for, oldest first. */
  List<MedicineDelivery> findByHelpRequest(long helpRequestId) {
    return jdbc.sql("select * from medicine_delivery where help_request_id = ? order by id").param(helpRequestId)
        .query(this::map).list();
  }

  MedicineDelivery save(MedicineDelivery delivery) {
    if (delivery.id() == null) {
      var keys = new GeneratedKeyHolder();
      state(jdbc.sql("""
              insert into medicine_delivery (status, source, help_request_id, person_id, recipient_name_enc,
                recipient_phone_enc, recipient_address_enc, grid_code, street_code, urgency, requested_items_enc,
                preferred_site_code, confirmation_code_enc, courier, delivery_attempts, with_grid, requested_at,
                reserved_at, picked_up_at, closed_at, received_by_enc, delivery_note_enc, close_reason_enc,
                requested_by, idempotency_key, request_hash, version)
              values (:status, :source, :helpRequestId, :personId, :recipientName, :recipientPhone,
                :recipientAddress, :gridCode, :streetCode, :urgency, :requestedItems, :preferredSiteCode,
                :confirmationCode, :courier, :deliveryAttempts, :withGrid, :requestedAt, :reservedAt, :pickedUpAt,
                :closedAt, :receivedBy, :deliveryNote, :closeReason, :requestedBy, :idempotencyKey, :requestHash,
                0)"""), delivery)
          .param("source", delivery.source().name()).param("helpRequestId", delivery.helpRequestId())
          .param("personId", delivery.personId())
          .param("recipientName", cipher.encrypt(delivery.recipient().name()))
          .param("recipientPhone", cipher.encrypt(delivery.recipient().phone()))
          .param("recipientAddress", cipher.encrypt(delivery.recipient().address()))
          .param("gridCode", delivery.gridCode()).param("streetCode", delivery.streetCode())
          .param("urgency", delivery.urgency().name())
          .param("requestedItems", cipher.encrypt(delivery.requestedItems()))
          .param("preferredSiteCode", delivery.preferredSiteCode())
          .param("confirmationCode", cipher.encrypt(delivery.confirmationCode()))
          .param("requestedAt", Timestamps.of(delivery.requestedAt()))
          .param("requestedBy", delivery.requestedBy())
          .update(keys, "id");
      delivery.inserted(keys.getKey().longValue());
    } else {
      int updated = state(jdbc.sql("""
              update medicine_delivery set status = :status, courier = :courier,
                delivery_attempts = :deliveryAttempts, with_grid = :withGrid, reserved_at = :reservedAt,
                picked_up_at = :pickedUpAt, closed_at = :closedAt, received_by_enc = :receivedBy,
                delivery_note_enc = :deliveryNote, close_reason_enc = :closeReason,
                idempotency_key = :idempotencyKey, request_hash = :requestHash, version = version + 1
              where id = :id and version = :version"""), delivery)
          .param("id", delivery.id()).param("version", delivery.version()).update();
      if (updated == 0) {
        throw new OptimisticLockingFailureException("Medicine delivery " + delivery.id() + " was changed meanwhile");
      }
      delivery.updated();
    }
    saveLines(delivery);
    return delivery;
  }

  private StatementSpec state(StatementSpec statement, MedicineDelivery d) {
    return statement.param("status", d.status().name()).param("courier", d.courier())
        .param("deliveryAttempts", d.deliveryAttempts()).param("withGrid", d.withGrid())
        .param("reservedAt", Timestamps.of(d.reservedAt())).param("pickedUpAt", Timestamps.of(d.pickedUpAt()))
        .param("closedAt", Timestamps.of(d.closedAt())).param("receivedBy", cipher.encrypt(d.receivedBy()))
        .param("deliveryNote", cipher.encrypt(d.deliveryNote())).param("closeReason", cipher.encrypt(d.closeReason()))
        .param("idempotencyKey", d.idempotencyKey()).param("requestHash", d.requestHash());
  }

  /** A delivery has a handful of lines: each is updated in place, or inserted when new. */
  private void saveLines(MedicineDelivery delivery) {
    for (DeliveryLine line : delivery.lines()) {
      int updated = line(jdbc.sql("""
              update medicine_delivery_line set decision = :decision, approved_quantity = :approvedQuantity,
                decision_reason_enc = :decisionReason, decided_by = :decidedBy, reservation_id = :reservationId,
                site_code = :siteCode, accepted = :accepted, refused = :refused, refusal_reason_enc = :refusalReason
              where delivery_id = :deliveryId and line_no = :lineNo"""), delivery, line).update();
      if (updated == 0) {
        line(jdbc.sql("""
                insert into medicine_delivery_line (delivery_id, line_no, item_code, quantity, prescription_only,
                  cold_chain, prescribed_by, decision, approved_quantity, decision_reason_enc, decided_by,
                  reservation_id, site_code, accepted, refused, refusal_reason_enc)
                values (:deliveryId, :lineNo, :itemCode, :quantity, :prescriptionOnly, :coldChain, :prescribedBy,
                  :decision, :approvedQuantity, :decisionReason, :decidedBy, :reservationId, :siteCode, :accepted,
                  :refused, :refusalReason)"""), delivery, line)
            .param("itemCode", line.itemCode()).param("quantity", line.quantity())
            .param("prescriptionOnly", line.prescriptionOnly()).param("coldChain", line.coldChain())
            .param("prescribedBy", line.prescribedBy()).update();
      }
    }
  }

  private StatementSpec line(StatementSpec statement, MedicineDelivery delivery, DeliveryLine line) {
    return statement.param("deliveryId", delivery.id()).param("lineNo", line.lineNo())
        .param("decision", line.decision().name()).param("approvedQuantity", line.approvedQuantity())
        .param("decisionReason", cipher.encrypt(line.decisionReason())).param("decidedBy", line.decidedBy())
        .param("reservationId", line.reservationId()).param("siteCode", line.siteCode())
        .param("accepted", line.accepted()).param("refused", line.refused())
        .param("refusalReason", cipher.encrypt(line.refusalReason()));
  }

  private List<DeliveryLine> lines(long deliveryId) {
    return jdbc.sql("select * from medicine_delivery_line where delivery_id = ? order by line_no").param(deliveryId)
        .query((rs, row) -> new DeliveryLine(rs.getInt("line_no"), rs.getString("item_code"), rs.getInt("quantity"),
            rs.getBoolean("prescription_only"), rs.getBoolean("cold_chain"), rs.getString("prescribed_by"),
            LineDecision.valueOf(rs.getString("decision")), rs.getObject("approved_quantity", Integer.class),
            cipher.decrypt(rs.getString("decision_reason_enc")), rs.getString("decided_by"),
            rs.getObject("reservation_id", Long.class), rs.getString("site_code"),
            rs.getObject("accepted", Integer.class), rs.getObject("refused", Integer.class),
            cipher.decrypt(rs.getString("refusal_reason_enc"))))
        .list();
  }

  private MedicineDelivery map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    return new MedicineDelivery(new MedicineDelivery.Stored(id, rs.getInt("version"),
        DeliveryStatus.valueOf(rs.getString("status")), DeliverySource.valueOf(rs.getString("source")),
        rs.getObject("help_request_id", Long.class), rs.getObject("person_id", Long.class),
        new MedicineDelivery.Recipient(cipher.decrypt(rs.getString("recipient_name_enc")),
            cipher.decrypt(rs.getString("recipient_phone_enc")), cipher.decrypt(rs.getString("recipient_address_enc"))),
        rs.getString("grid_code"), rs.getString("street_code"), Urgency.valueOf(rs.getString("urgency")),
        cipher.decrypt(rs.getString("requested_items_enc")), rs.getString("preferred_site_code"),
        cipher.decrypt(rs.getString("confirmation_code_enc")), rs.getString("courier"),
        rs.getInt("delivery_attempts"), rs.getBoolean("with_grid"), instant(rs, "requested_at"),
        instant(rs, "reserved_at"), instant(rs, "picked_up_at"), instant(rs, "closed_at"),
        cipher.decrypt(rs.getString("received_by_enc")), cipher.decrypt(rs.getString("delivery_note_enc")),
        cipher.decrypt(rs.getString("close_reason_enc")), rs.getString("requested_by"),
        rs.getString("idempotency_key"), rs.getString("request_hash"), lines(id)));
  }
}
