package org.gridaid.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.engine.EngineJobs;
import org.gridaid.shared.jdbc.TransactionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of text messages to residents, for every module. A message is stored with the
 * change that caused it, in the caller's transaction (the phone and the body encrypted: a body
 * may name a donor, or carry a case's tracking code), and delivered by a
 * job of the engine's job executor: any node of the cluster sends it, a failing gateway is
 * retried with growing pauses, and the caller never waits.
 */
@Component
public class TextMessages {

  static final int LONGEST_BODY = 500;

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final EngineJobs jobs;
  private final Clock clock;

  TextMessages(JdbcClient jdbc, PersonalDataCipher cipher, EngineJobs jobs, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.jobs = jobs;
    this.clock = clock;
  }

  /**
   * Stores a message to {@code phone} in the caller's transaction, which there must be: it is
   * sent only if that commits. One delivery job per owner and transaction sends all of the
   * owner's pending messages in order; a message the gateway keeps refusing is given up after
   * {@value TextMessageDelivery#MAX_ATTEMPTS} attempts.
   *
   * @param kind the owner's upper-case code for what the message is about (e.g. {@code RECEIVED})
   * @param body the text as the resident reads it, at most 500 characters
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void queue(MessageOwner owner, String phone, String kind, String body) {
    if (owner == null || phone == null || phone.isBlank()) {
      throw new IllegalArgumentException("A text message needs an owner and a phone");
    }
    if (kind == null || !MessageOwner.CODE.matcher(kind).matches()) {
      throw new IllegalArgumentException("A text message's kind is an upper-case code of at most 40 characters, not "
          + kind);
    }
    if (body == null || body.isBlank() || body.length() > LONGEST_BODY) {
      throw new IllegalArgumentException("A text message's body has 1 to " + LONGEST_BODY + " characters");
    }
    jdbc.sql("""
            insert into text_message (owner_type, owner_id, phone_enc, kind, body_enc, status, created_at)
            values (?, ?, ?, ?, ?, 'PENDING', ?)""")
        .params(owner.type(), owner.id(), cipher.encrypt(phone), kind, cipher.encrypt(body),
            Timestamp.from(clock.instant()))
        .update();
    if (firstInTransaction(owner)) {
      jobs.schedule(TextMessageDelivery.JOB_TYPE, TextMessageDelivery.payload(owner), null);
    }
  }

  private static boolean firstInTransaction(MessageOwner owner) {
    Set<MessageOwner> scheduled = TransactionScope.resource(TextMessages.class, HashSet::new);
    return scheduled == null || scheduled.add(owner);
  }

  /** The owner's messages, oldest first, whatever their status. */
  @Transactional(readOnly = true)
  public List<TextMessage> of(MessageOwner owner) {
    return jdbc.sql("select * from text_message where owner_type = ? and owner_id = ? order by id")
        .params(owner.type(), owner.id()).query(this::map).list();
  }

  /**
   * The owner's messages still to send, in the order they go out, locked until the caller's
   * transaction ends: an owner often has two delivery jobs (one per transaction that queued), and
   * two of them on two nodes would send each message twice. The second waits here and finds the
   * messages sent.
   */
  List<TextMessage> lockPending(MessageOwner owner) {
    return jdbc.sql("""
            select * from text_message where owner_type = ? and owner_id = ? and status = 'PENDING'
            order by id for update""")
        .params(owner.type(), owner.id()).query(this::map).list();
  }

  void sent(TextMessage message, int attempt) {
    jdbc.sql("update text_message set status = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?")
        .params(attempt, Timestamp.from(clock.instant()), message.id()).update();
  }

  void notSent(TextMessage message, int attempt, String error, boolean givenUp) {
    jdbc.sql("update text_message set status = ?, attempts = ?, last_error = ? where id = ?")
        .params(givenUp ? "FAILED" : "PENDING", attempt, error.length() > 500 ? error.substring(0, 500) : error,
            message.id())
        .update();
  }

  private TextMessage map(ResultSet rs, int row) throws SQLException {
    return new TextMessage(rs.getLong("id"), new MessageOwner(rs.getString("owner_type"), rs.getLong("owner_id")),
        cipher.decrypt(rs.getString("phone_enc")), rs.getString("kind"), cipher.decrypt(rs.getString("body_enc")),
        TextMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"));
  }
}
