package org.gridaid.helprequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.gridaid.helprequest.HelpRequestProcess.*;
import static org.gridaid.helprequest.TimelineEventType.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.medicine.MedicineDeliveryProcess;
import org.gridaid.medicine.MedicineDeliveryService;
import org.gridaid.test.ModuleEvents;
import org.gridaid.test.PendingJobs;
import org.gridaid.shared.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

class HelpRequestProcessTests extends HelpRequestScenario {

  @Autowired
  HelpRequests cases;
  @Autowired
  MedicineDeliveryService medicine;
  @Autowired
  ThreadPoolTaskExecutor applicationTaskExecutor;

  @Test
  void aCallIsRoutedToTheGridOfItsAddressWithItsDeadlinesAndClosedAfterTheCallBack() {
    long id = call("MEDICINE", ZHONGFU_ADDRESS, "ELDERLY_ALONE");

    HelpRequest request = helpRequest(id);
    assertThat(request.status()).isEqualTo(HelpRequestStatus.ASSIGNED);
    assertThat(request.gridCode()).isEqualTo(ZHONGFU_GRID);
    assertThat(request.priority()).isEqualTo("P2");
    assertThat(Duration.between(request.receivedAt(), request.responseDueAt())).isEqualTo(Duration.ofHours(2));
    var handling = task(id, TASK_HANDLE_REQUEST);
    assertThat(handling).hasCandidateGroup("grid-" + ZHONGFU_GRID).hasName("网格员处置");
    assertThat(handling.getDueDate()).isEqualTo(Date.from(request.resolutionDueAt()));
    assertThat(handling.getFollowUpDate()).isEqualTo(Date.from(request.responseDueAt()));
    assertThat((String) tasks.getVariableLocal(handling.getId(), DEADLINES.getName()))
        .contains("首次响应", "办结", "下次升级: 网格长");
    assertThat(runtime.getVariables(process(id).getId())).doesNotContainKeys("callerPhone", "description");

    resolve(id);
    assertThat(task(id, TASK_CALLBACK)).hasCandidateGroup("hotline");
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.HANDLED);

    var instance = process(id);
    callBack(id, true, true);

    assertThat(instance).isEnded().hasPassed("endEvent_closed");
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.CLOSED);
    assertThat(timeline(id)).containsExactly(RECEIVED, ASSIGNED, TimelineEventType.RESPONDED, HANDLED, CALLBACK, CLOSED);
  }

  @Test
  void theCallersDetailsFromTheTasklistStartFormNeverReachTheEnginesHistory() {
    var started = runtime.startProcessInstanceByKey(KEY, Map.of("callerName", "赵女士", "callerPhone", newPhone(),
        "address", ZHONGFU_ADDRESS, "category", "MEDICINE", "description", "孩子发烧, 家里没有退烧药",
        "vulnerabilities", "[\"CHILD_ALONE\"]", "channel", "HOTLINE"));
    PendingJobs.runForProcess(engine, started.getId());
    var history = engine.getHistoryService();

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(started.getId()).list())
        .extracting("name").contains("gridCode", "responseDue")
        .doesNotContain("callerName", "callerPhone", "address", "description", "caseSummary");
    assertThat(history.createHistoricDetailQuery().processInstanceId(started.getId()).variableUpdates().list())
        .extracting("variableName").isNotEmpty().doesNotContain("callerPhone", "description", "caseSummary");
    String task = tasks.createTaskQuery().processInstanceId(started.getId()).singleResult().getId();
    assertThat((String) tasks.getVariableLocal(task, CASE_SUMMARY.getName())).as("the form still shows it")
        .contains("赵女士");
  }

  @Test
  void theTriageTableSetsPriorityAndDeadlinesPerCategoryAndFlags() {
    assertThat(helpRequest(call("MEDICAL_EMERGENCY", ZHONGFU_ADDRESS)).priority()).isEqualTo("P1");
    assertThat(helpRequest(call("LIVING_SUPPLIES", ZHONGFU_ADDRESS)).priority()).isEqualTo("P3");
    assertThat(helpRequest(call("LIVING_SUPPLIES", ZHONGFU_ADDRESS, "PREGNANT")).priority()).isEqualTo("P2");
    assertThat(helpRequest(call("QUESTION", ZHONGFU_ADDRESS, "CHILD_ALONE")).priority()).isEqualTo("P2");
    HelpRequest complaint = helpRequest(call("COMPLAINT", ZHONGFU_ADDRESS));
    assertThat(complaint.priority()).isEqualTo("P4");
    assertThat(Duration.between(complaint.receivedAt(), complaint.responseDueAt())).isEqualTo(Duration.ofHours(72));
    assertThat(Duration.between(complaint.receivedAt(), complaint.resolutionDueAt())).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void supervisorsChangeTheTriageTableAndNewCallsFollowItWithoutACodeChange() throws Exception {
    String table = Files.readString(Path.of("processes/help-request-triage.dmn"));
    String questionsUrgent = table.replace("<text>\"P4\"</text>", "<text>\"P3\"</text>");
    var deployment = engine.getRepositoryService().createDeployment().name("grid-aid")
        .addString("help-request-triage.dmn", questionsUrgent).deploy();
    try {
      assertThat(helpRequest(call("QUESTION", ZHONGFU_ADDRESS)).priority()).isEqualTo("P3");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
    assertThat(helpRequest(call("QUESTION", ZHONGFU_ADDRESS)).priority()).isEqualTo("P4");
  }

  @Test
  void aMedicalEmergencyAlsoGoesToTheMedicalTeamAtOnce() {
    long id = call("MEDICAL_EMERGENCY", ZHONGFU_ADDRESS);

    assertThat(task(id, TASK_MEDICAL_RESPONSE)).hasCandidateGroup("medical-team");
    assertThat(task(id, TASK_HANDLE_REQUEST)).hasCandidateGroup("grid-" + ZHONGFU_GRID);
    HelpRequest request = helpRequest(id);
    assertThat(Duration.between(request.receivedAt(), request.responseDueAt())).isEqualTo(Duration.ofMinutes(15));
    assertThat(timeline(id)).contains(MEDICAL_TEAM_ALERTED);

    complete(id, TASK_MEDICAL_RESPONSE, Map.of("medicalNote", "医生已上门处置, 病情稳定"));
    assertThat(timeline(id)).contains(MEDICAL_TEAM_RESPONDED);
    assertThat(task(id, TASK_HANDLE_REQUEST)).isNotNull();
  }

  @Test
  void aMedicalEmergencyAtAnAddressOfNoGridReachesTheMedicalTeamAtOnceAndTheCommandIfNobodyAnswers() {
    long id = call("MEDICAL_EMERGENCY", "不存在的小区99栋");

    Task medical = task(id, TASK_MEDICAL_RESPONSE);
    Task pickGrid = task(id, TASK_PICK_GRID);
    assertThat(medical).hasCandidateGroup("medical-team");
    assertThat(medical.getPriority()).isEqualTo(pickGrid.getPriority()).isGreaterThan(Task.PRIORITY_NORMAL);

    deadlinePasses(id, TIMER_MEDICAL_RESPONSE_DEADLINE);

    assertThat(task(id, TASK_MEDICAL_FOLLOW_UP)).hasCandidateGroup("district-command");
    assertThat(task(id, TASK_MEDICAL_RESPONSE)).as("the medical team's task stays open").isNotNull();
    assertThat(timeline(id)).contains(TimelineEventType.MEDICAL_TEAM_OVERDUE);
    complete(id, TASK_MEDICAL_FOLLOW_UP, Map.of("supervisionNote", "已电话督促医疗组出诊"));
    assertThat(timeline(id)).contains(SUPERVISED);
  }

  @Test
  void tasksOpenSideBySideKeepTheirOwnSummaryAndDeadlines() {
    long id = call("MEDICAL_EMERGENCY", ZHONGFU_ADDRESS);
    String medical = task(id, TASK_MEDICAL_RESPONSE).getId();
    String handling = task(id, TASK_HANDLE_REQUEST).getId();

    assertThat(tasks.getVariablesLocal(medical)).containsKeys(CASE_SUMMARY.getName(), DEADLINES.getName());
    assertThat(tasks.getVariablesLocal(handling)).containsKeys(CASE_SUMMARY.getName(), DEADLINES.getName());
    assertThat(runtime.getVariables(process(id).getId())).doesNotContainKeys(CASE_SUMMARY.getName(),
        DEADLINES.getName());
  }

  @Test
  void theGridWorkersFormOpensEmptyAfterASendBack() {
    long id = call("LIVING_SUPPLIES", ZHONGFU_ADDRESS);
    resolve(id);
    callBack(id, true, false);

    Map<String, Object> form = tasks.getVariables(task(id, TASK_HANDLE_REQUEST).getId());
    assertThat(form).doesNotContainKeys("outcome", "actionTaken", "callbackReached", "residentSatisfied",
        "callbackNote");
    assertThat(helpRequest(id).actionTaken()).as("the case keeps the old answer").isEqualTo("网格员已送药上门");
  }

  @Test
  void aResidentNotReachedIsCalledAgainAfterAWait() {
    long id = call("QUESTION", ZHONGFU_ADDRESS);
    resolve(id);

    callBack(id, false, false);

    assertThat(openTasks(id)).as("no call-back task at once").isEmpty();
    Job retry = timer(id, TIMER_CALLBACK_RETRY);
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), retry.getDuedate().toInstant()))
        .isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
    management.executeJob(retry.getId());
    assertThat(task(id, TASK_CALLBACK)).isNotNull();
  }

  @Test
  void aResidentReachedMustSayWhetherTheyAreSatisfied() {
    long id = call("QUESTION", ZHONGFU_ADDRESS);
    resolve(id);

    assertThatThrownBy(() -> complete(id, TASK_CALLBACK, Map.of("callbackReached", true, "callbackNote", "已接通")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("residentSatisfied");
    assertThat(task(id, TASK_CALLBACK)).as("the task stays open").isNotNull();
    complete(id, TASK_CALLBACK, Map.of("callbackReached", true, "residentSatisfied", "true"));
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.CLOSED);
  }

  @Test
  void aBrokenTriageTableNeverLosesACall() throws Exception {
    String table = Files.readString(Path.of("processes/help-request-triage.dmn"));
    String broken = table.replace("<text>\"P4\"</text>", "<text>no such variable</text>");
    var deployment = engine.getRepositoryService().createDeployment().name("grid-aid")
        .addString("help-request-triage.dmn", broken).deploy();
    long id;
    try {
      id = call("QUESTION", ZHONGFU_ADDRESS);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }

    assertThat(helpRequest(id).status()).as("the call is stored").isEqualTo(HelpRequestStatus.RECEIVED);
    Job triage = management.createJobQuery().processInstanceId(process(id).getId()).singleResult();
    assertThat(triage.getRetries()).as("tried again later").isEqualTo(4);
    assertThat(triage.getExceptionMessage()).isNotBlank();

    management.setJobRetries(triage.getId(), 1);
    management.executeJob(triage.getId());
    assertThat(helpRequest(id).status()).as("the table is fixed: the call goes on").isEqualTo(HelpRequestStatus.ASSIGNED);
    assertThat(task(id, TASK_HANDLE_REQUEST)).isNotNull();
  }

  @Test
  void aFailingTimerIsTriedFiveTimesTwoMinutesApartBeforeItBecomesAnIncident() {
    long id = call("LIVING_SUPPLIES", ZHONGFU_ADDRESS);
    Job timer = timer(id, TIMER_RESOLUTION_DEADLINE);
    // the community office cannot be named, so the escalation fails when the deadline passes
    runtime.removeVariable(process(id).getId(), "communityCode");

    assertThatThrownBy(() -> management.executeJob(timer.getId())).isNotNull();

    Job failed = management.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(failed.getRetries()).isEqualTo(4);
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), failed.getDuedate().toInstant()))
        .isBetween(Duration.ofSeconds(110), Duration.ofSeconds(130));
  }

  @Test
  void anAddressWithNoGridGoesToAnOperatorWhoPicksTheGrid() {
    long id = call("LIVING_SUPPLIES", "不存在的小区99栋");

    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.AWAITING_GRID);
    assertThat(task(id, TASK_PICK_GRID)).hasCandidateGroup("hotline");

    assertThatThrownBy(() -> complete(id, TASK_PICK_GRID, Map.of("pickedGridCode", "JH-NOWHERE")))
        .hasRootCauseInstanceOf(InvalidInputException.class);
    complete(id, TASK_PICK_GRID, Map.of("pickedGridCode", "JH-WH-YQ-03"));

    assertThat(task(id, TASK_HANDLE_REQUEST)).hasCandidateGroup("grid-JH-WH-YQ-03");
    assertThat(helpRequest(id).gridCode()).isEqualTo("JH-WH-YQ-03");
  }

  @Test
  void nobodyRespondsSoTheGridLeaderIsToldThenEachLevelUpToTheDistrict() {
    long id = call("MEDICINE", ZHONGFU_ADDRESS);

    deadlinePasses(id, TIMER_RESPONSE_DEADLINE);
    assertThat(task(id, TASK_GRID_LEADER_FOLLOW_UP)).hasCandidateGroup("grid-leader-" + ZHONGFU_GRID);

    deadlinePasses(id, TIMER_RESOLUTION_DEADLINE);
    assertThat(task(id, TASK_COMMUNITY_FOLLOW_UP)).hasCandidateGroup("community-JH-LL-ZF");
    assertThat(helpRequest(id).escalationLevel()).isEqualTo(EscalationLevel.COMMUNITY);

    deadlinePasses(id, TIMER_COMMUNITY_DEADLINE);
    assertThat(task(id, TASK_STREET_FOLLOW_UP)).hasCandidateGroup("street-JH-LL");

    deadlinePasses(id, TIMER_STREET_DEADLINE);
    assertThat(task(id, TASK_DISTRICT_FOLLOW_UP)).hasCandidateGroup("district-command");

    assertThat(service.timeline(id).stream().filter(e -> e.type() == ESCALATED).map(TimelineEvent::level))
        .containsExactly("GRID_LEADER", "COMMUNITY", "STREET", "DISTRICT");
    assertThat(task(id, TASK_HANDLE_REQUEST)).as("the grid keeps the case").isNotNull();
  }

  @Test
  void aGridWorkerWhoTakesTheCaseInTimeSparesTheGridLeader() {
    long id = call("MEDICINE", ZHONGFU_ADDRESS);

    tasks.claim(task(id, TASK_HANDLE_REQUEST).getId(), "grid-lile-zhongfu-02");
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);

    deadlinePasses(id, TIMER_RESPONSE_DEADLINE);
    assertThat(process(id)).hasPassed("endEvent_respondedInTime");
    assertThat(openTasks(id)).extracting("taskDefinitionKey").containsExactly(TASK_HANDLE_REQUEST);
    assertThat(timeline(id)).doesNotContain(ESCALATED);
  }

  @Test
  void aSupervisorsNoteIsRecordedButTheCaseStillClimbsUntilItIsHandled() {
    long id = call("LIVING_SUPPLIES", ZHONGFU_ADDRESS);
    deadlinePasses(id, TIMER_RESOLUTION_DEADLINE);
    String predicted = (String) tasks.getVariableLocal(task(id, TASK_COMMUNITY_FOLLOW_UP).getId(), DEADLINES.getName());

    complete(id, TASK_COMMUNITY_FOLLOW_UP, Map.of("supervisionNote", "已协调社区物资, 督促网格今日送达"));
    assertThat(timeline(id)).contains(SUPERVISED);
    assertThat(predicted).as("what the case view announced").contains("下次升级: 街道");
    deadlinePasses(id, TIMER_COMMUNITY_DEADLINE);

    assertThat(openTasks(id)).extracting("taskDefinitionKey")
        .containsExactlyInAnyOrder(TASK_HANDLE_REQUEST, TASK_STREET_FOLLOW_UP);
    assertThat(helpRequest(id).escalationLevel()).isEqualTo(EscalationLevel.STREET);
    assertThat((String) tasks.getVariableLocal(task(id, TASK_STREET_FOLLOW_UP).getId(), "supervisionNote"))
        .as("the street's form opens empty").isNull();
    assertThat(runtime.getVariables(process(id).getId())).doesNotContainKey("supervisionNote");
  }

  @Test
  void theGridLeadersTaskIsDueWhenTheCaseReachesTheCommunity() {
    long id = call("LIVING_SUPPLIES", ZHONGFU_ADDRESS);
    deadlinePasses(id, TIMER_RESPONSE_DEADLINE);

    assertThat(task(id, TASK_GRID_LEADER_FOLLOW_UP).getDueDate())
        .isEqualTo(Date.from(helpRequest(id).resolutionDueAt()));
  }

  @Test
  void resolvingTheCaseEndsEveryOpenEscalation() {
    long id = call("LIVING_SUPPLIES", ZHONGFU_ADDRESS);
    deadlinePasses(id, TIMER_RESPONSE_DEADLINE);
    deadlinePasses(id, TIMER_RESOLUTION_DEADLINE);

    resolve(id);

    assertThat(openTasks(id)).extracting("taskDefinitionKey").containsExactly(TASK_CALLBACK);
  }

  @Test
  void aResidentNotReachedThreeTimesIsClosedAsUnreachableWithTheRecordKept() {
    long id = call("QUESTION", ZHONGFU_ADDRESS);
    resolve(id);
    var instance = process(id);

    callBack(id, false, false);
    deadlinePasses(id, TIMER_CALLBACK_RETRY);
    callBack(id, false, false);
    deadlinePasses(id, TIMER_CALLBACK_RETRY);
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.HANDLED);
    callBack(id, false, false);

    assertThat(instance).isEnded().hasPassed("endEvent_closedUnreachable");
    HelpRequest closed = helpRequest(id);
    assertThat(closed.status()).isEqualTo(HelpRequestStatus.CLOSED_UNREACHABLE);
    assertThat(closed.callbackAttempts()).isEqualTo(3);
    assertThat(closed.actionTaken()).isEqualTo("网格员已送药上门");
  }

  @Test
  void anUnsatisfiedResidentSendsTheCaseBackToTheGrid() {
    long id = call("LIVING_SUPPLIES", ZHONGFU_ADDRESS);
    resolve(id);

    callBack(id, true, false);

    assertThat(task(id, TASK_HANDLE_REQUEST)).hasCandidateGroup("grid-" + ZHONGFU_GRID);
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
    assertThat(timeline(id)).contains(RETURNED_TO_GRID);
  }

  @Test
  void cancellingEndsEveryOpenTask() {
    long id = call("MEDICAL_EMERGENCY", ZHONGFU_ADDRESS);
    var instance = process(id);
    assertThat(openTasks(id)).hasSize(2);

    service.cancel(id, "居民已自行就医", "hotline-01");

    assertThat(instance).isEnded().hasPassed("serviceTask_recordCancellation", "endEvent_cancelled");
    assertThat(openTasks(id)).isEmpty();
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.CANCELLED);
    assertThat(helpRequest(id).cancelReason()).isEqualTo("居民已自行就医");
    assertThat(service.timeline(id)).filteredOn(e -> e.type() == CANCELLED).extracting(TimelineEvent::actor)
        .containsExactly("hotline-01");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableNameIn("cancelReason", "cancelledBy").count()).as("the reason travelled with the message only")
        .isZero();
  }

  @Test
  void aSecondCallAboutTheSameThingIsLinkedToTheOpenCaseInsteadOfStartingAgain() {
    String phone = newPhone();
    long first = submit(callFrom(phone, "MEDICINE", ZHONGFU_ADDRESS));

    long second = submit(callFrom(phone, "MEDICINE", ZHONGFU_ADDRESS));

    assertThat(second).isNotEqualTo(first);
    assertThat(helpRequest(second).status()).isEqualTo(HelpRequestStatus.LINKED);
    assertThat(helpRequest(second).linkedToId()).isEqualTo(first);
    assertThat(process(second)).isNull();
    assertThat(helpRequest(first).linkedCalls()).isEqualTo(1);
    assertThat(timeline(first)).contains(DUPLICATE_LINKED);
    assertThat(openTasks(first)).hasSize(1);
    assertThat((String) tasks.getVariableLocal(task(first, TASK_HANDLE_REQUEST).getId(), CASE_SUMMARY.getName()))
        .contains("再次来电: 1 次");
  }

  @Test
  void aGridWorkersNeedForMedicineIsDeliveredBeforeTheCallBackWithTheDeliveryOnTheTimeline() {
    long id = call("MEDICINE", ZHONGFU_ADDRESS);
    complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "NEEDS_MEDICINE", "actionTaken", "需要布洛芬一盒"));

    assertThat(process(id)).isWaitingAt("message_medicineDelivered");
    assertThat(openTasks(id)).as("no call-back before the medicine is at the door").isEmpty();
    long delivery = medicine.stepsOf(id).get(0).deliveryId();
    String key = MedicineDeliveryProcess.businessKey(delivery);
    PendingJobs.runFor(engine, key);
    tasks.complete(deliveryTask(key, MedicineDeliveryProcess.TASK_LIST_MEDICINES).getId(),
        Map.of("lines", "[{\"itemCode\": \"MED-IBUPROFEN\", \"quantity\": 1}]"));
    Task pickUp = deliveryTask(key, MedicineDeliveryProcess.TASK_PICK_UP);
    tasks.claim(pickUp.getId(), "volunteer-lile-01");
    tasks.complete(pickUp.getId(), Map.of());
    tasks.complete(deliveryTask(key, MedicineDeliveryProcess.TASK_DELIVER).getId(), Map.of(
        "deliveryOutcome", "DELIVERED", "receivedBy", "王伯本人", "deliveryNote", "当面交付, 核对身份证",
        "deliveredLines", "[{\"lineNo\": 1, \"accepted\": 1, \"refused\": 0}]"));
    ModuleEvents.awaitHandled(applicationTaskExecutor);

    assertThat(task(id, TASK_CALLBACK)).isNotNull();
    assertThat(service.timeline(id)).filteredOn(e -> e.type() == MEDICINE_DELIVERY).extracting(TimelineEvent::detail)
        .contains("已收到送药需求", "配送员已取药", "已送达");
  }

  private Task deliveryTask(String businessKey, String key) {
    Task found = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
    assertThat(found).as("task %s of %s", key, businessKey).isNotNull();
    return found;
  }

  @Test
  void aCaseOnHoldStopsItsDeadlinesAndResumesWithTheTimeThatWasLeft() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
    long id = call("MEDICINE", ZHONGFU_ADDRESS);
    HelpRequest before = helpRequest(id);

    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(30))));
    Instant resumeAt = start.plus(Duration.ofHours(5));
    complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "ON_HOLD", "holdReason", "居民下午3点后方便接电话",
        "resumeAt", resumeAt.toString()));
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.ON_HOLD);
    assertThat(process(id)).isWaitingAt("gateway_waitForResident");
    assertThat(timer(id, TIMER_RESPONSE_DEADLINE)).as("no escalation while on hold").isNull();

    ClockUtil.setCurrentTime(Date.from(resumeAt));
    deadlinePasses(id, TIMER_RESUME_AT);

    HelpRequest resumed = helpRequest(id);
    Duration held = Duration.ofMinutes(270);
    assertThat(resumed.responseDueAt()).isEqualTo(before.responseDueAt().plus(held));
    assertThat(resumed.resolutionDueAt()).isEqualTo(before.resolutionDueAt().plus(held));
    assertThat(task(id, TASK_HANDLE_REQUEST).getDueDate()).isEqualTo(Date.from(resumed.resolutionDueAt()));
    assertThat(timeline(id)).containsSubsequence(ON_HOLD, RESUMED);
  }

  @Test
  void aCaseOnHoldResumesEarlyWhenTheResidentIsReady() {
    long id = call("MEDICINE", ZHONGFU_ADDRESS);
    complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "ON_HOLD", "holdReason", "居民外出",
        "resumeAt", Instant.now().plus(Duration.ofHours(3)).toString()));

    runtime.createMessageCorrelation(MESSAGE_RESUMED).processInstanceBusinessKey(String.valueOf(id)).correlate();

    assertThat(task(id, TASK_HANDLE_REQUEST)).isNotNull();
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
  }

  @Test
  void aCaseThatReachedTheStreetIsStillWithTheStreetAfterAHold() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
    long id = call("LIVING_SUPPLIES", ZHONGFU_ADDRESS);
    deadlinePasses(id, TIMER_RESOLUTION_DEADLINE);
    deadlinePasses(id, TIMER_COMMUNITY_DEADLINE);
    Task community = task(id, TASK_COMMUNITY_FOLLOW_UP);
    Task street = task(id, TASK_STREET_FOLLOW_UP);
    Instant streetTimeUp = helpRequest(id).nextLevelDue();

    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(1))));
    complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "ON_HOLD", "holdReason", "居民外出",
        "resumeAt", start.plus(Duration.ofHours(4)).toString()));

    assertThat(openTasks(id)).as("the supervisors keep their tasks").extracting("id")
        .containsExactlyInAnyOrder(community.getId(), street.getId());
    assertThat(task(id, TASK_STREET_FOLLOW_UP).getName()).isEqualTo("街道督办（暂缓中）");
    assertThat((String) tasks.getVariableLocal(street.getId(), CASE_SUMMARY.getName()))
        .as("and read why and until when").contains("暂缓中, 至").contains("居民外出");
    assertThat(timer(id, TIMER_STREET_DEADLINE)).as("no escalation while on hold").isNull();

    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(3))));
    runtime.createMessageCorrelation(MESSAGE_RESUMED).processInstanceBusinessKey(String.valueOf(id)).correlate();

    assertThat(openTasks(id)).extracting("taskDefinitionKey")
        .containsExactlyInAnyOrder(TASK_HANDLE_REQUEST, TASK_COMMUNITY_FOLLOW_UP, TASK_STREET_FOLLOW_UP);
    assertThat(task(id, TASK_STREET_FOLLOW_UP).getId()).as("the same task, not a new one").isEqualTo(street.getId());
    assertThat(task(id, TASK_STREET_FOLLOW_UP).getName()).isEqualTo("街道督办");
    assertThat(helpRequest(id).escalationLevel()).as("not back at the community").isEqualTo(EscalationLevel.STREET);
    Instant shifted = streetTimeUp.plus(Duration.ofHours(2));
    assertThat(timer(id, TIMER_STREET_DEADLINE).getDuedate()).as("the street has the time that was left")
        .isEqualTo(Date.from(shifted));
    assertThat(task(id, TASK_STREET_FOLLOW_UP).getDueDate()).isEqualTo(Date.from(shifted));
    assertThat(timeline(id).stream().filter(type -> type == ESCALATED)).as("no level twice").hasSize(2);

    deadlinePasses(id, TIMER_STREET_DEADLINE);
    assertThat(task(id, TASK_DISTRICT_FOLLOW_UP)).hasCandidateGroup("district-command");
  }

  @Test
  void aSecondHoldOfTheSameCaseWaitsForTheGridLeaderOnTheClock() {
    long id = call("LIVING_SUPPLIES", ZHONGFU_ADDRESS);
    holdAndResume(id, Duration.ofHours(2));

    complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "ON_HOLD", "holdReason", "居民仍在外地",
        "resumeAt", ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1)).toString()));

    Task approval = task(id, TASK_APPROVE_HOLD);
    assertThat(approval).hasCandidateGroup("grid-leader-" + ZHONGFU_GRID);
    assertThat((String) tasks.getVariableLocal(approval.getId(), "holdRequest"))
        .contains("居民仍在外地").contains("此前已暂缓 1 次");
    assertThat(helpRequest(id).status()).as("on the clock meanwhile").isEqualTo(HelpRequestStatus.IN_PROGRESS);
    assertThat(timer(id, TIMER_RESOLUTION_DEADLINE)).isNotNull();
    assertThat(timeline(id)).endsWith(HOLD_REQUESTED);

    complete(id, TASK_APPROVE_HOLD, Map.of("approveHold", "true"));

    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.ON_HOLD);
    assertThat(helpRequest(id).holdCount()).isEqualTo(2);
    assertThat(process(id)).isWaitingAt("gateway_waitForResident");
  }

  @Test
  void aSecondHoldTheGridLeaderRefusesSendsTheCaseBackToTheGridWithAnEmptyForm() {
    long id = call("LIVING_SUPPLIES", ZHONGFU_ADDRESS);
    holdAndResume(id, Duration.ofHours(2));
    complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "ON_HOLD", "holdReason", "居民仍在外地",
        "resumeAt", ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1)).toString()));

    assertThatThrownBy(() -> complete(id, TASK_APPROVE_HOLD, Map.of("approveHold", "false")))
        .as("a refusal says why").hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("approvalNote");
    complete(id, TASK_APPROVE_HOLD, Map.of("approveHold", "false", "approvalNote", "老人独居, 请今日联系其子女"));

    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
    assertThat(helpRequest(id).holdAwaitingApproval()).isFalse();
    assertThat(timeline(id)).endsWith(HOLD_REFUSED);
    Task grid = task(id, TASK_HANDLE_REQUEST);
    assertThat(tasks.getVariables(grid.getId())).doesNotContainKeys("outcome", "holdReason", "resumeAt",
        "approveHold", "approvalNote");
  }

  @Test
  void aCaseIsOnHoldForSevenDaysInAllAtMost() {
    long id = call("QUESTION", ZHONGFU_ADDRESS);
    holdAndResume(id, Duration.ofDays(6));
    Instant now = ClockUtil.getCurrentTime().toInstant();

    assertThatThrownBy(() -> complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "ON_HOLD",
        "holdReason", "居民仍在外地", "resumeAt", now.plus(Duration.ofDays(2)).toString())))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("resumeAt");
    assertThat(task(id, TASK_HANDLE_REQUEST)).as("the task stays open").isNotNull();

    complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "ON_HOLD", "holdReason", "居民仍在外地",
        "resumeAt", now.plus(Duration.ofHours(20)).toString()));
    assertThat(task(id, TASK_APPROVE_HOLD)).isNotNull();
  }

  /** The first hold, ended by its timer after {@code held}: the clock stands then. */
  private void holdAndResume(long id, Duration held) {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
    complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "ON_HOLD", "holdReason", "居民外出",
        "resumeAt", start.plus(held).toString()));
    ClockUtil.setCurrentTime(Date.from(start.plus(held)));
    deadlinePasses(id, TIMER_RESUME_AT);
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
  }

  @Test
  void aHoldNeedsAReasonAndAFutureResumeTimeAndOtherwiseTheTaskStaysOpen() {
    long id = call("MEDICINE", ZHONGFU_ADDRESS);

    assertThatThrownBy(() -> complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "ON_HOLD", "holdReason", "稍后",
        "resumeAt", Instant.now().minus(Duration.ofHours(1)).toString())))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("resumeAt");

    assertThat(task(id, TASK_HANDLE_REQUEST)).isNotNull();
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.ASSIGNED);
  }

  @Test
  void reroutingToAnotherGridKeepsTheDeadlinesCountedFromIntake() {
    long id = call("LIVING_SUPPLIES", ZHONGFU_ADDRESS);
    HelpRequest before = helpRequest(id);

    complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "REROUTE", "newGridCode", "JH-LL-ZF-03",
        "actionTaken", "该楼栋属第3网格"));

    assertThat(task(id, TASK_HANDLE_REQUEST)).hasCandidateGroup("grid-JH-LL-ZF-03");
    HelpRequest after = helpRequest(id);
    assertThat(after.gridCode()).isEqualTo("JH-LL-ZF-03");
    assertThat(after.responseDueAt()).isEqualTo(before.responseDueAt());
    assertThat(after.resolutionDueAt()).isEqualTo(before.resolutionDueAt());
    assertThat(timeline(id)).contains(REROUTED);
  }

  @Test
  void transferringToADepartmentRecordsWhich() {
    long id = call("COMPLAINT", ZHONGFU_ADDRESS);

    assertThatThrownBy(() -> complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "TRANSFERRED",
        "actionTaken", "转交处理"))).hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("转交部门 (transferredTo) is required");
    complete(id, TASK_HANDLE_REQUEST, Map.of("outcome", "TRANSFERRED", "actionTaken", "药店哄抬物价, 已转交",
        "transferredTo", "市场监管局"));

    assertThat(helpRequest(id).transferredTo()).isEqualTo("市场监管局");
    assertThat(helpRequest(id).outcome()).isEqualTo(HandlingOutcome.TRANSFERRED);
  }

  @Test
  void aCancellationTheProcessCannotTakeLeavesTheCaseAsItWas() {
    long id = call("QUESTION", ZHONGFU_ADDRESS);
    runtime.suspendProcessInstanceById(process(id).getId());

    assertThatThrownBy(() -> service.cancel(id, "居民已自行解决", "hotline-01"))
        .isInstanceOf(ConflictException.class);

    assertThat(helpRequest(id).status()).as("case and tasks change together or not at all")
        .isEqualTo(HelpRequestStatus.ASSIGNED);
    assertThat(timeline(id)).doesNotContain(CANCELLED);
    runtime.activateProcessInstanceById(process(id).getId());
  }

  @Test
  void twoChangesOfTheSameCaseAtOnceDoNotOverwriteEachOther() {
    long id = call("QUESTION", ZHONGFU_ADDRESS);
    HelpRequest first = cases.findById(id).orElseThrow();
    HelpRequest second = cases.findById(id).orElseThrow();
    first.supervise(EscalationLevel.COMMUNITY, "community-lile-zhongfu", "请尽快处理", service.now());
    cases.save(first);

    second.cancel("居民已自行解决", "hotline-01", service.now());

    assertThatThrownBy(() -> cases.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
    assertThat(helpRequest(id).status()).isEqualTo(HelpRequestStatus.ASSIGNED);
  }
}
