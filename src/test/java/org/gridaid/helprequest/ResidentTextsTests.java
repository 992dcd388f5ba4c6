package org.gridaid.helprequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridaid.messaging.TextMessage;
import org.gridaid.messaging.TextMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Residents are told of each status change of their case by a Chinese text message, queued
 * with the change and delivered by the messaging module's jobs; the case never waits for them.
 */
class ResidentTextsTests extends HelpRequestScenario {

  @Autowired
  TextMessages messages;
  @Autowired
  JdbcClient jdbc;

  @Test
  void eachStatusChangeQueuesAChineseMessageThatTheJobExecutorDelivers() {
    String phone = newPhone();
    long id = submit(callFrom(phone, "MEDICINE", ZHONGFU_ADDRESS));
    resolve(id);
    callBack(id, true, true);

    List<TextMessage> queued = messages.of(ResidentText.owner(id));
    assertThat(queued).extracting(TextMessage::kind).containsExactly("RECEIVED", "ASSIGNED", "HANDLED", "CLOSED");
    assertThat(queued).extracting(TextMessage::phone).containsOnly(phone);
    assertThat(queued.get(0).body()).isEqualTo(
        "【暖心服务热线】您的诉求已受理, 查询码 %s。我们会尽快安排网格员联系您。".formatted(helpRequest(id).trackingCode()));
    assertThat(queued.get(1).body()).isEqualTo("【暖心服务热线】您的诉求(查询码 %s)已派给中福社区第2网格网格员处理, 请保持电话畅通。"
        .formatted(helpRequest(id).trackingCode()));
    assertThat(queued.get(2).body()).contains("已处置", "24小时内回访");
    assertThat(queued.get(3).body()).contains("已办结");
    assertThat(queued).extracting(TextMessage::status).containsOnly(TextMessage.Status.PENDING);
    // registering, triage and routing, handling, the call-back
    assertThat(deliveryJobs(id)).as("one job per case and transaction").hasSize(4);

    deliveryJobs(id).forEach(management::executeJob);

    assertThat(messages.of(ResidentText.owner(id))).extracting(TextMessage::status)
        .containsOnly(TextMessage.Status.SENT);
  }

  @Test
  void aCancelledCaseIsToldSoAndNeverWaitsForItsMessages() {
    long id = call("QUESTION", ZHONGFU_ADDRESS);

    service.cancel(id, "居民已自行解决", "hotline-01");

    assertThat(helpRequest(id).status()).as("the messages are still to send").isEqualTo(HelpRequestStatus.CANCELLED);
    List<TextMessage> queued = messages.of(ResidentText.owner(id));
    assertThat(queued).extracting(TextMessage::kind).containsExactly("RECEIVED", "ASSIGNED", "CANCELLED");
    assertThat(queued.get(2).body()).isEqualTo("【暖心服务热线】您的诉求(查询码 %s)已撤销。如仍需帮助, 请再次来电。"
        .formatted(helpRequest(id).trackingCode()));
    assertThat(queued).extracting(TextMessage::status).containsOnly(TextMessage.Status.PENDING);

    deliveryJobs(id).forEach(management::executeJob);

    assertThat(messages.of(ResidentText.owner(id))).extracting(TextMessage::status)
        .containsOnly(TextMessage.Status.SENT);
  }

  private List<String> deliveryJobs(long id) {
    return jdbc.sql("select id_ from act_ru_job where handler_type_ = 'text-message' and handler_cfg_ = ?")
        .param("HELP_REQUEST:" + id).query(String.class).list();
  }
}
