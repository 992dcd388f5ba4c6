package org.gridaid.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridaid.donations.DonationFixtures.DESK;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An appeal's deadline (appeal-deadline.bpmn): a timer per appeal from its opening; still open at
 * the deadline, the desk (and a street office, for its own appeal) closes it or extends it; closed
 * before, the process ends without asking. Timers are fired as jobs, after moving the engine's clock.
 */
class AppealDeadlineProcessTests extends ApiTestSupport {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String STREET = "street-lile";

  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  FormService forms;
  @Autowired
  ObjectMapper json;

  String water;
  List<String> sites;

  @BeforeEach
  void waterAndSites() {
    water = DonationFixtures.water();
    sites = DonationFixtures.samplingSites(1);
  }

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  /** A goods appeal of 100 boxes until {@code deadline}, opened by {@code who}. */
  long appeal(String who, Instant deadline) {
    Map<String, Object> body = DonationFixtures.goodsAppeal(water, 100, sites);
    body.put("deadline", deadline.toString());
    return ((Number) as(who).body(body).post("/api/v1/appeals").then().statusCode(201).extract().path("id"))
        .longValue();
  }

  static Instant inDays(int days) {
    return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
  }

  static void at(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  int pledge(long appeal, int boxes, int expected) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("donorName", "某饮料公司");
    body.put("donorPhone", "13800138000");
    body.put("anonymous", false);
    body.put("quantity", boxes);
    body.put("siteCode", sites.get(0));
    body.put("promisedOn", LocalDate.ofInstant(ClockUtil.now().toInstant(), CHINA).plusDays(1).toString());
    return as(DESK).body(body).post("/api/v1/appeals/{id}/pledges", appeal).then().statusCode(expected).extract()
        .statusCode();
  }

  String instance(long appeal) {
    var found = runtime.createProcessInstanceQuery().processDefinitionKey(AppealDeadlineProcess.KEY)
        .processInstanceBusinessKey(AppealTargetProcess.businessKey(appeal)).singleResult();
    return found == null ? null : found.getId();
  }

  boolean ended(long appeal, String endEvent) {
    var done = history.createHistoricProcessInstanceQuery().processDefinitionKey(AppealDeadlineProcess.KEY)
        .processInstanceBusinessKey(AppealTargetProcess.businessKey(appeal)).finished().singleResult();
    return done != null && history.createHistoricActivityInstanceQuery().processInstanceId(done.getId())
        .activityId(endEvent).finished().count() == 1;
  }

  Job timer(String instance) {
    return management.createJobQuery().processInstanceId(instance).activityId(AppealDeadlineProcess.TIMER_DEADLINE)
        .singleResult();
  }

  Task decision(long appeal) {
    return tasks.createTaskQuery().processDefinitionKey(AppealDeadlineProcess.KEY)
        .processInstanceBusinessKey(AppealTargetProcess.businessKey(appeal))
        .taskDefinitionKey(AppealDeadlineProcess.TASK_DECIDE).singleResult();
  }

  /** Moves the clock a minute past the timer's date and fires it; returns the task it made. */
  Task deadlinePasses(long appeal) {
    Job timer = timer(instance(appeal));
    at(timer.getDuedate().toInstant().plus(Duration.ofMinutes(1)));
    management.executeJob(timer.getId());
    return decision(appeal);
  }

  String formId(Task task) throws Exception {
    try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
      return json.readTree(form).path("id").asText();
    }
  }

  @Test
  void whenTheDeadlinePassesTheDeskDecidesSeeingTheAppealsFigures() throws Exception {
    Instant deadline = inDays(3);
    long appeal = appeal(DESK, deadline);
    pledge(appeal, 30, 201);
    String instance = instance(appeal);
    assertThat(instance).as("a deadline process from the appeal's opening").isNotNull();
    assertThat(timer(instance).getDuedate().toInstant()).as("the timer is the appeal's deadline").isEqualTo(deadline);
    assertThat(decision(appeal)).as("no task before the deadline").isNull();

    Task decide = deadlinePasses(appeal);
    assertThat(decide).isNotNull();
    assertThat(decide.getName()).isEqualTo("征集截止, 决定结束或延期");
    assertThat(formId(decide)).isEqualTo("decideAtDeadline");
    assertThat(tasks.getIdentityLinksForTask(decide.getId())).extracting("groupId").containsExactly("donation-desk");
    String title = as(DESK).get("/api/v1/appeals/{id}", appeal).then().extract().path("title");
    assertThat(tasks.getVariables(decide.getId())).containsEntry("appealTitle", title)
        .containsEntry("appealTarget", "100 箱").containsEntry("appealPledged", "30 箱 (1 笔)")
        .containsEntry("appealReceived", "0 箱");
    assertThat(String.valueOf(tasks.getVariable(decide.getId(), "appealDeadlineShown")))
        .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(deadline.atZone(CHINA)));

    // past its deadline, an appeal that is still open still takes pledges, until it is closed
    pledge(appeal, 5, 201);
    tasks.setAssignee(decide.getId(), DESK);
    tasks.complete(decide.getId(), Map.of("deadlineDecision", "CLOSE"));
    assertThat(instance(appeal)).isNull();
    assertThat(ended(appeal, "endEvent_appealClosed")).isTrue();
    as(DESK).get("/api/v1/appeals/{id}", appeal).then().body("status", equalTo("CLOSED"))
        .body("closedBy", equalTo(DESK)).body("progress.pledged", equalTo(35));
    pledge(appeal, 5, 409);
  }

  @Test
  void aStreetOfficeExtendsItsAppealAndTheTimerWaitsForTheNewDeadline() {
    long appeal = appeal(STREET, inDays(2));
    Task decide = deadlinePasses(appeal);
    assertThat(tasks.getIdentityLinksForTask(decide.getId())).extracting("groupId")
        .containsExactlyInAnyOrder("donation-desk", "street-JH-LL");

    // in Tasklist: the date-time field sends the moment with its offset
    Instant newDeadline = ClockUtil.now().toInstant().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.MINUTES);
    as(STREET).body(Map.of("userId", STREET)).post("/engine-rest/task/" + decide.getId() + "/claim").then()
        .statusCode(204);
    as(STREET).body(Map.of("variables", Map.of("deadlineDecision", Map.of("value", "EXTEND"),
            "newDeadline", Map.of("value", newDeadline.atZone(CHINA).toOffsetDateTime().toString()))))
        .post("/engine-rest/task/" + decide.getId() + "/complete").then().statusCode(204);

    String instance = instance(appeal);
    assertThat(instance).as("the process waits again").isNotNull();
    assertThat(decision(appeal)).isNull();
    assertThat(timer(instance).getDuedate().toInstant()).isEqualTo(newDeadline);
    as(DESK).get("/api/v1/appeals/{id}", appeal).then().body("status", equalTo("OPEN"))
        .body("deadline", equalTo(newDeadline.toString()));
    pledge(appeal, 20, 201);

    Task again = deadlinePasses(appeal);
    assertThat(again).as("asked again at the new deadline").isNotNull();
    assertThat(tasks.getVariables(again.getId())).doesNotContainKeys("deadlineDecision", "newDeadline")
        .containsEntry("appealPledged", "20 箱 (1 笔)");
  }

  @Test
  void anAppealClosedBeforeItsDeadlineEndsItsProcessWithoutATask() {
    long closedOverRest = appeal(DESK, inDays(3));
    as(STREET).post("/api/v1/appeals/{id}/close", closedOverRest).then().statusCode(403);
    as(DESK).post("/api/v1/appeals/{id}/close", closedOverRest).then().statusCode(200);
    assertThat(instance(closedOverRest)).isNull();
    assertThat(ended(closedOverRest, "endEvent_closedEarlier")).isTrue();
    String endedInstance = history.createHistoricProcessInstanceQuery().processDefinitionKey(AppealDeadlineProcess.KEY)
        .processInstanceBusinessKey(AppealTargetProcess.businessKey(closedOverRest)).singleResult().getId();
    assertThat(management.createJobQuery().processInstanceId(endedInstance).count()).as("no timer left").isZero();
    assertThat(decision(closedOverRest)).isNull();

    // the street office that opened the appeal decides in Tasklist to close it when it reached its target
    long reached = appeal(STREET, inDays(3));
    pledge(reached, 100, 201);
    String told = tasks.createTaskQuery().processDefinitionKey(AppealTargetProcess.KEY)
        .processInstanceBusinessKey(AppealTargetProcess.businessKey(reached)).singleResult().getId();
    assertThat(tasks.getIdentityLinksForTask(told)).extracting("groupId")
        .as("the street office's appeal: its decision is the street office's too")
        .containsExactlyInAnyOrder("donation-desk", "street-JH-LL");
    as(STREET).body(Map.of("userId", STREET)).post("/engine-rest/task/" + told + "/claim").then().statusCode(204);
    as(STREET).body(Map.of("variables", Map.of("appealDecision", Map.of("value", "CLOSE"))))
        .post("/engine-rest/task/" + told + "/complete").then().statusCode(204);
    as(DESK).get("/api/v1/appeals/{id}", reached).then().body("status", equalTo("CLOSED"));
    assertThat(instance(reached)).isNull();
    assertThat(ended(reached, "endEvent_closedEarlier")).isTrue();

    // closed over REST while the deadline's task waited: the task goes with the process
    long late = appeal(DESK, inDays(1));
    assertThat(deadlinePasses(late)).isNotNull();
    as(DESK).post("/api/v1/appeals/{id}/close", late).then().statusCode(200);
    assertThat(decision(late)).isNull();
    assertThat(instance(late)).isNull();
  }

  @Test
  void anExtensionToThePastOrToNoDateIsRefusedNamingTheField() {
    long appeal = appeal(DESK, inDays(1));
    Task decide = deadlinePasses(appeal);
    Instant now = ClockUtil.now().toInstant();
    as(DESK).body(Map.of("userId", DESK)).post("/engine-rest/task/" + decide.getId() + "/claim").then()
        .statusCode(204);

    as(DESK).body(Map.of("variables", Map.of("deadlineDecision", Map.of("value", "EXTEND"),
            "newDeadline", Map.of("value", now.minus(Duration.ofHours(1)).atZone(CHINA).toOffsetDateTime().toString()))))
        .post("/engine-rest/task/" + decide.getId() + "/complete").then().statusCode(400)
        .contentType("application/problem+json").body("errors.field", equalTo(List.of("newDeadline")));
    assertThatThrownBy(() -> tasks.complete(decide.getId(), Map.of("deadlineDecision", "EXTEND",
        "newDeadline", Date.from(now.minusSeconds(60))))).hasMessageContaining("新的截止时间 (newDeadline)")
        .hasMessageContaining("must be in the future");
    assertThatThrownBy(() -> tasks.complete(decide.getId(), Map.of("deadlineDecision", "EXTEND")))
        .hasMessageContaining("新的截止时间 (newDeadline) is required");
    as(DESK).body(Map.of("variables", Map.of("deadlineDecision", Map.of("value", "EXTEND"),
            "newDeadline", Map.of("value", "下周一"))))
        .post("/engine-rest/task/" + decide.getId() + "/complete").then().statusCode(400)
        .body("errors.field", hasItem("newDeadline")).body("errors", hasSize(1));

    // what the form only shows, and the timer's date, are no fields of it: refused, whatever the decision
    for (String notAField : List.of("appealPledged", "appealTarget", "appealDeadline", "deadlineExtended")) {
      as(DESK).body(Map.of("variables", Map.of("deadlineDecision", Map.of("value", "CLOSE"),
              notAField, Map.of("value", "9999"))))
          .post("/engine-rest/task/" + decide.getId() + "/complete").then().statusCode(400);
    }

    assertThat(decision(appeal)).as("the task stays open").isNotNull();
    as(DESK).get("/api/v1/appeals/{id}", appeal).then().body("status", equalTo("OPEN"));
    assertThat(timer(instance(appeal))).as("no new timer").isNull();
  }
}
