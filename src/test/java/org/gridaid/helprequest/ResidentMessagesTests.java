package org.gridaid.helprequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.engine.EngineJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Residents are told of each status change; a failing gateway is retried and never blocks the case. */
class ResidentMessagesTests extends HelpRequestScenario {

  @Autowired
  ResidentMessages messages;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  AreaDirectory areas;
  @Autowired
  ProcessEngineConfigurationImpl configuration;
  @Autowired
  PersonalDataCipher cipher;
  @Autowired
  EngineJobs jobs;
  @Autowired
  Clock clock;

  @Test
  void eachStatusChangeQueuesAChineseMessageThatTheJobExecutorDelivers() {
    long id = call("MEDICINE", ZHONGFU_ADDRESS);
    resolve(id);
    callBack(id, true, true);

    List<ResidentMessage> queued = messages.forCase(id);
    assertThat(queued).extracting(ResidentMessage::template).containsExactly(ResidentMessage.Template.RECEIVED,
        ResidentMessage.Template.ASSIGNED, ResidentMessage.Template.HANDLED, ResidentMessage.Template.CLOSED);
    assertThat(queued.get(0).body()).contains("已受理", helpRequest(id).trackingCode());
    assertThat(queued.get(1).body()).contains("中福社区第2网格");
    assertThat(queued).allSatisfy(m -> assertThat(m.status()).isEqualTo(ResidentMessage.Status.PENDING));
    // one per case and transaction: registering, triage and routing, handling, the call-back
    assertThat(deliveryJobs(id)).as("one job per case and transaction").hasSize(4);

    deliveryJobs(id).forEach(job -> management.executeJob(job.getId()));

    assertThat(messages.forCase(id)).allSatisfy(m -> assertThat(m.status()).isEqualTo(ResidentMessage.Status.SENT));
  }

  @Test
  void aFailingGatewayIsRetriedWithGrowingPausesInOrderAndFinallyGivenUp() {
    long id = call("QUESTION", ZHONGFU_ADDRESS);
    List<String> tried = new ArrayList<>();
    ResidentMessages failing = new ResidentMessages(jdbc, areas, (phone, body, reference) -> {
      tried.add(reference);
      throw new IllegalStateException("gateway down");
    }, cipher, jobs, clock);
    List<ResidentMessage> queued = messages.forCase(id);
    String received = "HR-MSG-" + queued.get(0).id();
    String assigned = "HR-MSG-" + queued.get(1).id();

    deliver(failing, id);

    assertThat(tried).as("the first message fails, the second waits its turn").containsExactly(received);
    assertThat(messages.forCase(id).get(0).attempts()).isEqualTo(1);
    Job retry = deliveryJobs(id).stream().filter(j -> j.getDuedate() != null).findFirst().orElseThrow();
    assertThat(Duration.between(Instant.now(), retry.getDuedate().toInstant()))
        .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(61));
    assertThat(helpRequest(id).status()).as("the case goes on").isEqualTo(HelpRequestStatus.ASSIGNED);

    for (int attempt = 2; attempt <= ResidentMessages.MAX_ATTEMPTS; attempt++) {
      deliver(failing, id);
    }
    ResidentMessage givenUp = messages.forCase(id).get(0);
    assertThat(givenUp.status()).isEqualTo(ResidentMessage.Status.FAILED);
    assertThat(givenUp.attempts()).isEqualTo(ResidentMessages.MAX_ATTEMPTS);
    assertThat(jdbc.sql("select last_error from resident_message where id = ?").param(givenUp.id())
        .query(String.class).single()).isEqualTo("gateway down");
    assertThat(tried).last().as("then the next message goes").isEqualTo(assigned);

    deliver(messages, id);
    assertThat(messages.forCase(id)).extracting(ResidentMessage::status)
        .containsExactly(ResidentMessage.Status.FAILED, ResidentMessage.Status.SENT);
  }

  private void deliver(ResidentMessages handler, long helpRequestId) {
    configuration.getCommandExecutorTxRequired().execute(context -> {
      handler.run(String.valueOf(helpRequestId));
      return null;
    });
  }

  private List<Job> deliveryJobs(long id) {
    List<String> jobIds = jdbc.sql("select id_ from act_ru_job where handler_type_ = ? and handler_cfg_ = ?")
        .params(ResidentMessages.JOB_TYPE, String.valueOf(id)).query(String.class).list();
    return jobIds.stream().map(jobId -> management.createJobQuery().jobId(jobId).singleResult()).toList();
  }
}
