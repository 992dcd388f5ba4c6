package org.gridaid.medicine;

import java.sql.Timestamp;
import java.util.List;
import org.gridaid.shared.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every step of a delivery, with actor and time: appended, never changed; details encrypted. */
@Repository
class DeliveryTimeline {

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  DeliveryTimeline(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  void append(long deliveryId, List<DeliveryEvent> events) {
    for (DeliveryEvent event : events) {
      jdbc.sql("""
              insert into medicine_delivery_event (delivery_id, occurred_at, type, actor, detail_enc)
              values (?, ?, ?, ?, ?)""")
          .params(deliveryId, Timestamp.from(event.at()), event.type().name(), event.actor(),
              cipher.encrypt(event.detail()))
          .update();
    }
  }

  List<DeliveryEvent> of(long deliveryId) {
    return jdbc.sql("select * from medicine_delivery_event where delivery_id = ? order by occurred_at, id")
        .param(deliveryId)
        .query((rs, row) -> new DeliveryEvent(rs.getTimestamp("occurred_at").toInstant(),
            DeliveryEventType.valueOf(rs.getString("type")), rs.getString("actor"),
            cipher.decrypt(rs.getString("detail_enc"))))
        .list();
  }
}
