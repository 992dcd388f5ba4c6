package org.gridaid.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.engine.EngineJobs;
import org.gridaid.test.GridAidTest;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Any module's messages are stored in its transaction, sent in order per owner by the
 * engine's job executor, retried with growing pauses, and given up in the end; the phone is
 * stored encrypted and logged masked.
 */
@GridAidTest
@ExtendWith(OutputCaptureExtension.class)
class TextMessagesTests {

  @Autowired
  TextMessages messages;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  ManagementService management;
  @Autowired
  ProcessEngineConfigurationImpl configuration;
  @Autowired
  PersonalDataCipher cipher;
  @Autowired
  EngineJobs jobs;
  @Autowired
  Clock clock;
  @Autowired
  MeterRegistry meters;

  static MessageOwner newOwner() {
    return new MessageOwner("MEDICINE_DELIVERY", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
  }

  static String newPhone() {
    return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  @Test
  void anOwnersMessagesGoOutInOrderByOneJobPerOwnerAndTransaction() {
    MessageOwner owner = newOwner();
    MessageOwner other = newOwner();
    String phone = newPhone();
    transaction.executeWithoutResult(status -> {
      messages.queue(owner, phone, "READY", "药已备好");
      messages.queue(other, newPhone(), "READY", "药已备好");
      messages.queue(owner, phone, "ON_THE_WAY", "正在配送");
    });
    transaction.executeWithoutResult(status -> messages.queue(owner, phone, "DELIVERED", "已送达"));

    assertThat(messages.of(owner)).extracting(TextMessage::kind).containsExactly("READY", "ON_THE_WAY", "DELIVERED");
    assertThat(messages.of(owner)).extracting(TextMessage::status).containsOnly(TextMessage.Status.PENDING);
    assertThat(deliveryJobs(owner)).as("one job per owner and transaction").hasSize(2);
    assertThat(deliveryJobs(other)).hasSize(1);

    List<String> sent = new ArrayList<>();
    deliver(new TextMessageDelivery(messages, (to, body, reference) -> sent.add(to + " " + body + " " + reference),
        jobs, clock, meters), owner);

    List<TextMessage> delivered = messages.of(owner);
    assertThat(sent).containsExactly(phone + " 药已备好 MSG-" + delivered.get(0).id(),
        phone + " 正在配送 MSG-" + delivered.get(1).id(), phone + " 已送达 MSG-" + delivered.get(2).id());
    assertThat(delivered).extracting(TextMessage::status).containsOnly(TextMessage.Status.SENT);
    assertThat(delivered).extracting(TextMessage::attempts).containsOnly(1);
    assertThat(messages.of(other)).extracting(TextMessage::status).containsExactly(TextMessage.Status.PENDING);

    deliveryJobs(other).forEach(job -> management.executeJob(job.getId()));

    assertThat(messages.of(other)).extracting(TextMessage::status).containsExactly(TextMessage.Status.SENT);
  }

  @Test
  void aFailingGatewayIsRetriedWithGrowingPausesInOrderAndFinallyGivenUp(CapturedOutput output) {
    MessageOwner owner = newOwner();
    String phone = newPhone();
    transaction.executeWithoutResult(status -> {
      messages.queue(owner, phone, "READY", "药已备好");
      messages.queue(owner, phone, "DELIVERED", "已送达");
    });
    List<TextMessage> queued = messages.of(owner);
    List<String> tried = new ArrayList<>();
    double retriedBefore = failures("retry");
    double givenUpBefore = failures("given_up");
    TextMessageDelivery failing = new TextMessageDelivery(messages, (to, body, reference) -> {
      tried.add(reference);
      throw new IllegalStateException("gateway down");
    }, jobs, clock, meters);

    List<Duration> pauses = new ArrayList<>();
    for (int attempt = 1; attempt < TextMessageDelivery.MAX_ATTEMPTS; attempt++) {
      List<String> before = deliveryJobs(owner).stream().map(Job::getId).toList();
      Instant from = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      deliver(failing, owner);
      Instant to = clock.instant();
      Job retry = deliveryJobs(owner).stream().filter(job -> !before.contains(job.getId())).findFirst().orElseThrow();
      Duration pause = TextMessageDelivery.backoff(attempt);
      assertThat(retry.getDuedate().toInstant()).isBetween(from.plus(pause), to.plus(pause));
      pauses.add(pause);
      assertThat(messages.of(owner).get(0).attempts()).isEqualTo(attempt);
    }
    assertThat(pauses).extracting(Duration::toMinutes).containsExactly(1L, 2L, 4L, 8L, 16L);
    assertThat(tried).as("the first message fails, the second waits its turn")
        .containsOnly("MSG-" + queued.get(0).id());

    deliver(failing, owner);

    TextMessage givenUp = messages.of(owner).get(0);
    assertThat(givenUp.status()).isEqualTo(TextMessage.Status.FAILED);
    assertThat(givenUp.attempts()).isEqualTo(TextMessageDelivery.MAX_ATTEMPTS);
    assertThat(jdbc.sql("select last_error from text_message where id = ?").param(givenUp.id())
        .query(String.class).single()).isEqualTo("gateway down");
    assertThat(tried).last().as("then the next message goes").isEqualTo("MSG-" + queued.get(1).id());
    assertThat(failures("retry") - retriedBefore)
        .as("failed attempts tried again, for /actuator/prometheus: five of the first message, one of the second")
        .isEqualTo(TextMessageDelivery.MAX_ATTEMPTS);
    assertThat(failures("given_up") - givenUpBefore).isEqualTo(1);
    assertThat(output).as("the phone is logged masked only").contains(PhoneNumbers.mask(phone))
        .doesNotContain(phone);

    deliver(new TextMessageDelivery(messages, (to, body, reference) -> { }, jobs, clock, meters), owner);

    assertThat(messages.of(owner)).extracting(TextMessage::status)
        .containsExactly(TextMessage.Status.FAILED, TextMessage.Status.SENT);
  }

  @Test
  void aJobScheduledUnderTheHelpRequestsOldTypeStillDelivers() {
    MessageOwner owner = new MessageOwner("HELP_REQUEST", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    transaction.executeWithoutResult(status -> {
      messages.queue(owner, newPhone(), "RECEIVED", "您的诉求已受理");
      // as a node before V21 scheduled it: the help request's id
      jobs.schedule(ResidentMessageJob.JOB_TYPE, String.valueOf(owner.id()), null);
    });
    String oldJob = jdbc.sql("select id_ from act_ru_job where handler_type_ = 'resident-message' and handler_cfg_ = ?")
        .param(String.valueOf(owner.id())).query(String.class).single();

    management.executeJob(oldJob);

    assertThat(messages.of(owner)).extracting(TextMessage::status).containsExactly(TextMessage.Status.SENT);
    assertThat(deliveryJobs(owner)).as("the text-message job, not run, finds nothing left").hasSize(1);
  }

  @Test
  void thePhoneIsStoredOnlyEncryptedAndShownOnlyMasked() {
    MessageOwner owner = newOwner();
    String phone = newPhone();
    transaction.executeWithoutResult(status -> messages.queue(owner, phone, "READY", "药已备好"));

    Map<String, Object> row = jdbc.sql("select * from text_message where owner_type = ? and owner_id = ?")
        .params(owner.type(), owner.id()).query().singleRow();
    assertThat(row.toString()).doesNotContain(phone);
    assertThat(cipher.decrypt(jdbc.sql("select phone_enc from text_message where owner_type = ? and owner_id = ?")
        .params(owner.type(), owner.id()).query(String.class).single())).isEqualTo(phone);
    TextMessage message = messages.of(owner).get(0);
    assertThat(message.phone()).isEqualTo(phone);
    assertThat(message.toString()).doesNotContain(phone).contains(PhoneNumbers.mask(phone));
  }

  @Test
  void aMessageIsStoredInTheCallersTransactionOnly() {
    MessageOwner owner = newOwner();

    assertThatThrownBy(() -> messages.queue(owner, newPhone(), "READY", "药已备好"))
        .isInstanceOf(IllegalTransactionStateException.class);
    transaction.executeWithoutResult(status -> {
      messages.queue(owner, newPhone(), "READY", "药已备好");
      status.setRollbackOnly();
    });

    assertThat(messages.of(owner)).isEmpty();
    assertThat(deliveryJobs(owner)).isEmpty();
  }

  @Test
  void ownersAndKindsAreUpperCaseCodes() {
    assertThat(new MessageOwner("HELP_REQUEST", 42).type()).isEqualTo("HELP_REQUEST");
    for (String type : new String[] {null, "", "help_request", "HELP-REQUEST", "_HELP", "A".repeat(41)}) {
      assertThatThrownBy(() -> new MessageOwner(type, 1)).as(type).isInstanceOf(IllegalArgumentException.class);
    }
    MessageOwner owner = newOwner();
    transaction.executeWithoutResult(status -> {
      assertThatThrownBy(() -> messages.queue(owner, newPhone(), "ready", "x"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> messages.queue(owner, " ", "READY", "x")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> messages.queue(owner, newPhone(), "READY", "长".repeat(501)))
          .isInstanceOf(IllegalArgumentException.class);
      status.setRollbackOnly();
    });
    assertThat(messages.of(owner)).isEmpty();
  }

  @Test
  void twoDeliveriesOfOneOwnerAtOnceSendEachMessageOnce() throws Exception {
    assumeTrue(TestDatabaseInitializer.onPostgres(), "two nodes share one PostgreSQL");
    MessageOwner owner = newOwner();
    String phone = newPhone();
    transaction.executeWithoutResult(status -> messages.queue(owner, phone, "READY", "药已备好"));
    transaction.executeWithoutResult(status -> messages.queue(owner, phone, "ON_THE_WAY", "正在配送"));
    List<String> sent = new CopyOnWriteArrayList<>();
    CountDownLatch firstSending = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    SmsSender slowGateway = (to, body, reference) -> {
      sent.add(reference);
      firstSending.countDown();
      goOn.await(30, TimeUnit.SECONDS);
    };
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = nodes.submit(() -> deliver(new TextMessageDelivery(messages, slowGateway, jobs, clock, meters), owner));
      assertThat(firstSending.await(30, TimeUnit.SECONDS)).isTrue();
      Future<?> second = nodes.submit(() -> deliver(new TextMessageDelivery(messages, (to, body, reference) ->
          sent.add(reference), jobs, clock, meters), owner));
      // the second delivery waits for the first one's lock on the owner's messages
      await(() -> jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
          + " and query like '%text_message%'").query(Integer.class).single() > 0);
      goOn.countDown();
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    } finally {
      goOn.countDown();
      nodes.shutdownNow();
    }

    assertThat(sent).as("each message once").doesNotHaveDuplicates().hasSize(2);
    assertThat(messages.of(owner)).extracting(TextMessage::status).containsOnly(TextMessage.Status.SENT);
  }

  /** Polls a condition of another thread's progress, for at most 30 seconds. */
  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited in vain").isLessThan(until);
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  /** Runs a delivery as the job executor would: in a command of the engine. */
  private void deliver(TextMessageDelivery delivery, MessageOwner owner) {
    configuration.getCommandExecutorTxRequired().execute(context -> {
      delivery.deliver(owner);
      return null;
    });
  }

  private List<Job> deliveryJobs(MessageOwner owner) {
    List<String> jobIds = jdbc.sql("select id_ from act_ru_job where handler_type_ = ? and handler_cfg_ = ?")
        .params(TextMessageDelivery.JOB_TYPE, TextMessageDelivery.payload(owner)).query(String.class).list();
    return jobIds.stream().map(jobId -> management.createJobQuery().jobId(jobId).singleResult()).toList();
  }

  private double failures(String outcome) {
    return meters.get("gridaid.text_message.failures").tag("outcome", outcome).counter().count();
  }
}
