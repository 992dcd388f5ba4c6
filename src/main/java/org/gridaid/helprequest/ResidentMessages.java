package org.gridaid.helprequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridaid.messaging.SmsSender;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.engine.EngineJob;
import org.gridaid.shared.engine.EngineJobs;
import org.gridaid.shared.jdbc.TransactionScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of messages to callers. Each message is stored with the status change that
 * caused it (the phone encrypted) and delivered by a job of the engine's job executor, so any
 * node of the cluster sends it, a failing gateway is retried with growing pauses, and the case
 * never waits.
 */
@Component
class ResidentMessages implements EngineJob {

  static final String JOB_TYPE = "resident-message";
  static final int MAX_ATTEMPTS = 6;
  private static final Logger log = LoggerFactory.getLogger(ResidentMessages.class);

  private final JdbcClient jdbc;
  private final AreaDirectory areas;
  private final SmsSender sender;
  private final PersonalDataCipher cipher;
  private final EngineJobs jobs;
  private final Clock clock;

  ResidentMessages(JdbcClient jdbc, AreaDirectory areas, SmsSender sender, PersonalDataCipher cipher,
      EngineJobs jobs, Clock clock) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.sender = sender;
    this.cipher = cipher;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public String type() {
    return JOB_TYPE;
  }

  /**
   * Stores the message in the caller's transaction. One delivery job per case and
   * transaction sends all of the case's pending messages in order (intake queues two).
   */
  void queue(HelpRequest request, ResidentMessage.Template template) {
    String gridName = request.gridCode() == null ? "" : areas.find(request.gridCode()).map(Area::name).orElse("");
    jdbc.sql("""
            insert into resident_message (help_request_id, phone_enc, template, body, status, created_at)
            values (?, ?, ?, ?, 'PENDING', ?)""")
        .params(request.id(), cipher.encrypt(request.callerPhone()), template.name(),
            template.render(request.trackingCode(), gridName), Timestamp.from(clock.instant()))
        .update();
    if (firstInTransaction(request.id())) {
      jobs.schedule(JOB_TYPE, Long.toString(request.id()), null);
    }
  }

  private static boolean firstInTransaction(long helpRequestId) {
    Set<Long> scheduled = TransactionScope.resource(ResidentMessages.class, HashSet::new);
    return scheduled == null || scheduled.add(helpRequestId);
  }

  /**
   * Sends the case's pending messages oldest first. A failure stops there, so a resident never
   * reads "closed" before "received", and tries again later; a message that keeps failing is
   * given up (FAILED, with the gateway's error) and the next one goes.
   */
  @Override
  public void run(String helpRequestId) {
    long caseId = Long.parseLong(helpRequestId);
    for (ResidentMessage message : pending(caseId)) {
      int attempt = message.attempts() + 1;
      try {
        sender.send(message.phone(), message.body(), "HR-MSG-" + message.id());
        jdbc.sql("update resident_message set status = 'SENT', attempts = ?, sent_at = ?, last_error = null"
                + " where id = ?")
            .params(attempt, Timestamp.from(clock.instant()), message.id()).update();
      } catch (Exception e) {
        String error = String.valueOf(e.getMessage());
        boolean giveUp = attempt >= MAX_ATTEMPTS;
        jdbc.sql("update resident_message set status = ?, attempts = ?, last_error = ? where id = ?")
            .params(giveUp ? "FAILED" : "PENDING", attempt, error.length() > 500 ? error.substring(0, 500) : error,
                message.id())
            .update();
        log.warn("Message {} to {} not delivered (attempt {}): {}", message.id(),
            PhoneNumbers.mask(message.phone()), attempt, error);
        if (!giveUp) {
          jobs.schedule(JOB_TYPE, helpRequestId, clock.instant().plus(backoff(attempt)));
          return;
        }
      }
    }
  }

  /** 1, 2, 4, 8, 16 minutes. */
  static Duration backoff(int attempt) {
    return Duration.ofMinutes(1L << (attempt - 1));
  }

  List<ResidentMessage> forCase(long helpRequestId) {
    return jdbc.sql("select * from resident_message where help_request_id = ? order by id").param(helpRequestId)
        .query(this::map).list();
  }

  private List<ResidentMessage> pending(long helpRequestId) {
    return jdbc.sql("select * from resident_message where help_request_id = ? and status = 'PENDING' order by id")
        .param(helpRequestId).query(this::map).list();
  }

  private ResidentMessage map(ResultSet rs, int row) throws SQLException {
    return new ResidentMessage(rs.getLong("id"), rs.getLong("help_request_id"),
        cipher.decrypt(rs.getString("phone_enc")), ResidentMessage.Template.valueOf(rs.getString("template")),
        rs.getString("body"), ResidentMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"));
  }
}
