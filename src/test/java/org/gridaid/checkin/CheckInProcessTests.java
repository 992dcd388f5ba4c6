package org.gridaid.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.register.RegisterFixtures;
import org.gridaid.register.RegisterService;
import org.gridaid.shared.events.FailedEventResubmission;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.ModuleEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** A grid's morning list, what the worker heard, and what happens when nobody answers or acts. */
class CheckInProcessTests extends ApiTestSupport {

  static final String GRID = "JH-JN-NS-02";
  static final String WORKER = "grid-jiangnan-nanshan-02";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** Each test lives on days of its own: rounds are one per grid and day. */
  static final AtomicInteger NEXT_DAY = new AtomicInteger(100);

  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  RepositoryService repository;
  @Autowired
  RegisterService register;
  @Autowired
  CheckInService checkIns;
  @Autowired
  FailedEventResubmission resubmission;
  @Autowired
  ThreadPoolTaskExecutor applicationTaskExecutor;
  @Autowired
  JdbcClient jdbc;
  final ObjectMapper json = new ObjectMapper();
  LocalDate day;

  @BeforeEach
  void aDayOfItsOwn() {
    day = LocalDate.now(CHINA).plusDays(NEXT_DAY.getAndAdd(20));
    morningOf(day);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  void morningOf(LocalDate date) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(8, 0).atZone(CHINA).toInstant()));
  }

  long listedPerson(String name, int everyDays) {
    return RegisterFixtures.listedPerson(register, GRID, name, everyDays, "13700002222");
  }

  void theMorningComes() {
    CheckInMorning.comes(management, runtime);
  }

  /** Today's list of the grid in Tasklist (earlier days' lists may still be open). */
  Task gridTask() {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();
    return checkIns.round(GRID, today).flatMap(checkIns::openTask).orElse(null);
  }

  /** The help request a person's need on the day became, once the hotline took the event. */
  Long helpRequestOf(long person) {
    ModuleEvents.awaitHandled(applicationTaskExecutor);
    return jdbc.sql("""
            select e.help_request_id from check_in_entry e join check_in_round r on r.id = e.round_id
            where e.person_id = ? and r.day_number = ?""")
        .params(person, ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate().toEpochDay())
        .query(Long.class).optional().orElse(null);
  }

  List<Map<String, Object>> people(Task task) throws Exception {
    return json.readValue(String.valueOf(tasks.getVariable(task.getId(), CheckInProcess.PEOPLE)),
        new TypeReference<>() {});
  }

  /** Everybody fine, except the given outcomes by person id. */
  void completeWith(Task task, Map<Long, Map<String, Object>> special) throws Exception {
    List<Map<String, Object>> answered = people(task).stream().map(p -> {
      Map<String, Object> item = new java.util.HashMap<>(p);
      item.putAll(special.getOrDefault(((Number) p.get("personId")).longValue(), Map.of("outcome", "FINE")));
      return item;
    }).toList();
    tasks.complete(task.getId(), Map.of(CheckInProcess.PEOPLE,
        org.camunda.spin.plugin.variable.SpinValues.jsonValue(json.writeValueAsString(answered)).create()));
  }

  @Test
  void eachMorningTheGridGetsItsListAndANeedBecomesAHelpRequestForThatGrid() throws Exception {
    long person = listedPerson("随访测试甲", 1);

    theMorningComes();

    Task task = gridTask();
    assertThat(task.getName()).isEqualTo("今日电话随访");
    assertThat(people(task)).extracting(p -> ((Number) p.get("personId")).longValue()).contains(person);
    completeWith(task, Map.of(person, Map.of("outcome", "NEEDS_HELP", "need", "降压药只剩两天", "needCategory",
        "MEDICINE")));

    assertThat(checkIns.round(GRID, day).orElseThrow().status()).isEqualTo(RoundStatus.COMPLETED);
    assertThat(gridTask()).isNull();
    Long helpRequest = helpRequestOf(person);
    assertThat(helpRequest).as("the need became a help request").isNotNull();
    assertThat(jdbc.sql("select grid_code || '/' || category || '/' || channel from help_request where id = ?")
        .param(helpRequest).query(String.class).single()).isEqualTo(GRID + "/MEDICINE/DAILY_CHECK_IN");
  }

  @Test
  void aPersonWithoutAPhoneHoldsUpNothingAndTheirNeedIsFiledOnceTheRegisterHasOne() throws Exception {
    long person = RegisterFixtures.listedPerson(register, GRID, "随访测试无电话", 1, null);
    theMorningComes();

    completeWith(gridTask(), Map.of(person, Map.of("outcome", "NEEDS_HELP", "need", "家里断粮了", "needCategory",
        "LIVING_SUPPLIES")));

    assertThat(checkIns.round(GRID, day).orElseThrow().status()).as("the list went in").isEqualTo(RoundStatus.COMPLETED);
    assertThat(helpRequestOf(person)).as("no phone to call back: not filed yet").isNull();
    assertThat(incompleteNeedEvents()).as("but kept").isEqualTo(1);

    RegisterFixtures.givePhone(register, person, "13700003333");
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(120)));
    resubmission.resubmit();

    Long helpRequest = helpRequestOf(person);
    assertThat(helpRequest).as("filed on the retry").isNotNull();
    assertThat(jdbc.sql("select category || '/' || channel from help_request where id = ?").param(helpRequest)
        .query(String.class).single()).isEqualTo("LIVING_SUPPLIES/DAILY_CHECK_IN");
    assertThat(incompleteNeedEvents()).isZero();
  }

  @Test
  void aNeedOfACategoryTheHotlineDoesNotKnowIsFiledAsOther() throws Exception {
    long person = listedPerson("随访测试类别", 1);
    theMorningComes();

    completeWith(gridTask(), Map.of(person, Map.of("outcome", "NEEDS_HELP", "need", "想找人聊聊天", "needCategory",
        "CHAT")));

    Long helpRequest = helpRequestOf(person);
    assertThat(helpRequest).isNotNull();
    assertThat(jdbc.sql("select category from help_request where id = ?").param(helpRequest).query(String.class)
        .single()).isEqualTo("OTHER");
  }

  @Test
  void aNeedIsFiledAsSoonAsItsEntryIsRecordedNotWhenTheListIsDone() {
    long person = listedPerson("随访测试即时", 1);
    theMorningComes();
    long round = checkIns.round(GRID, day).orElseThrow().id();

    as(WORKER).body("""
            {"entries": [{"personId": %d, "outcome": "NEEDS_HELP", "need": "家里没米了", "needCategory": "LIVING_SUPPLIES"}]}"""
            .formatted(person)).post("/api/v1/check-ins/" + round + "/entries").then().statusCode(200)
        .body("status", equalTo("OPEN"));

    assertThat(helpRequestOf(person)).as("filed while the rest of the list is still being called").isNotNull();
    assertThat(gridTask()).as("the worker's list is still open").isNotNull();
  }

  @Test
  void aMedicalEmergencyIsNoCheckInEntryTheFormSaysCall120AndTheServerRefusesIt() throws Exception {
    JsonNode form = json.readTree(new File("forms/record-check-ins.form"));
    assertThat(form.findValues("value")).extracting(JsonNode::asText).as("the form's choices")
        .contains("MEDICINE").doesNotContain("MEDICAL_EMERGENCY");
    assertThat(form.findValues("text")).extracting(JsonNode::asText)
        .anySatisfy(text -> assertThat(text).contains("120", "热线", "立即"));

    long person = listedPerson("随访测试急症", 1);
    theMorningComes();
    long round = checkIns.round(GRID, day).orElseThrow().id();
    as(WORKER).body("""
            {"entries": [{"personId": %d, "outcome": "NEEDS_HELP", "need": "胸口痛, 喘不上气", "needCategory": "MEDICAL_EMERGENCY"}]}"""
            .formatted(person)).post("/api/v1/check-ins/" + round + "/entries").then().statusCode(400)
        .contentType("application/problem+json").body("errors.field", contains("entries[0].needCategory"));
    assertThat(checkIns.round(round).entryOf(person).orElseThrow().outcome()).as("nothing recorded").isNull();

    Task task = gridTask();
    assertThatThrownBy(() -> completeWith(task, Map.of(person, Map.of("outcome", "NEEDS_HELP", "need", "胸口痛",
        "needCategory", "MEDICAL_EMERGENCY")))).hasMessageContaining("需求类别");
    assertThat(gridTask()).as("the list stays open").isNotNull();
  }

  long incompleteNeedEvents() {
    return jdbc.sql("select count(*) from event_publication where completion_date is null and event_type like ?")
        .param("%CheckInNeedReported").query(Long.class).single();
  }

  @Test
  void aListWithPeopleLeftOutIsRefusedAndTheTaskStaysOpen() throws Exception {
    listedPerson("随访测试乙", 1);
    theMorningComes();
    Task task = gridTask();

    assertThatThrownBy(() -> tasks.complete(task.getId())).hasMessageContaining("no outcome yet");
    assertThat(gridTask()).isNotNull();
  }

  @Test
  void notReachedTwoDaysInARowSendsTheGridLeaderToTheDoorByADueTimeAndThenTheCommunity() throws Exception {
    long person = listedPerson("随访测试丙", 1);
    theMorningComes();
    completeWith(gridTask(), Map.of(person, Map.of("outcome", "NOT_REACHED")));
    assertThat(visits(person)).isEmpty();

    morningOf(day.plusDays(1));
    theMorningComes();
    Instant secondCall = day.plusDays(1).atTime(10, 0).atZone(CHINA).toInstant();
    ClockUtil.setCurrentTime(Date.from(secondCall));
    completeWith(gridTask(), Map.of(person, Map.of("outcome", "NOT_REACHED")));

    Task visit = visits(person).get(0);
    assertThat(visits(person)).hasSize(1);
    assertThat(visit.getTaskDefinitionKey()).isEqualTo(HomeVisitProcess.TASK_VISIT);
    assertThat(visit.getName()).as("no name in the task: it would stay in history").isEqualTo("网格长上门探访");
    assertThat(visit.getDueDate()).as("gridaid.check-in.home-visit-within after the call")
        .isEqualTo(Date.from(secondCall.plus(Duration.ofHours(4))));
    assertThat(tasks.getIdentityLinksForTask(visit.getId())).extracting("groupId").contains("grid-leader-" + GRID);
    assertThat(String.valueOf(tasks.getVariable(visit.getId(), "visitee"))).contains("随访测试丙", "地址", "13700002222");

    Job overdue = management.createJobQuery().processInstanceId(visit.getProcessInstanceId())
        .activityId(HomeVisitProcess.TIMER_OVERDUE).singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(visit.getDueDate());
    management.executeJob(overdue.getId());

    Task chase = tasks.createTaskQuery().processInstanceId(visit.getProcessInstanceId())
        .taskDefinitionKey(HomeVisitProcess.TASK_COMMUNITY_CHASE).taskCandidateGroup("community-JH-JN-NS")
        .singleResult();
    assertThat(chase).as("the community is asked to see to it").isNotNull();
    assertThat(tasks.createTaskQuery().taskId(visit.getId()).count()).as("the grid leader keeps the visit").isOne();
    tasks.setAssignee(chase.getId(), "community-jiangnan-nanshan");
    tasks.complete(chase.getId(), Map.of("supervisionNote", "已联系网格长, 下午三点前上门"));
    tasks.setAssignee(visit.getId(), "gridleader-jiangnan-nanshan-02");
    assertThatThrownBy(() -> tasks.complete(visit.getId(), Map.of("visitNote", ""))).hasMessageContaining("探访情况");
    tasks.complete(visit.getId(), Map.of("visitNote", "老人在家, 手机没电了, 已帮忙充电"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(visit.getProcessInstanceId()).count())
        .as("the visit is done").isZero();
    as(WORKER).get("/api/v1/check-ins/today?gridCode=" + GRID).then().statusCode(200)
        .body("notes.kind", contains("HOME_VISIT_CHASE", "HOME_VISIT"))
        .body("notes.personId", contains((int) person, (int) person))
        .body("notes[1].note", equalTo("老人在家, 手机没电了, 已帮忙充电"));
  }

  /** The grid leader's open visits to the person. */
  List<Task> visits(long person) {
    return tasks.createTaskQuery().processDefinitionKey(HomeVisitProcess.KEY)
        .processVariableValueEquals("personId", person).taskDefinitionKey(HomeVisitProcess.TASK_VISIT).list();
  }

  @Test
  void aWeeklyPlanListsThePersonOnceAWeek() throws Exception {
    long weekly = listedPerson("随访测试丁", 7);
    theMorningComes();
    completeWith(gridTask(), Map.of());

    morningOf(day.plusDays(1));
    theMorningComes();
    assertThat(people(gridTask())).extracting(p -> ((Number) p.get("personId")).longValue()).doesNotContain(weekly);
    completeWith(gridTask(), Map.of());

    morningOf(day.plusDays(7));
    theMorningComes();
    assertThat(people(gridTask())).extracting(p -> ((Number) p.get("personId")).longValue()).contains(weekly);
  }

  @Test
  void notDoneByEveningTheGridLeaderIsToldAndByNightTheCommunity() {
    listedPerson("随访测试戊", 1);
    theMorningComes();
    Task task = gridTask();
    assertThat(task.getDueDate()).isEqualTo(Date.from(day.atTime(20, 0).atZone(CHINA).toInstant()));

    fire(CheckInProcess.TIMER_GRID_LEADER);
    assertThat(chase(CheckInProcess.TASK_GRID_LEADER_CHASE, "grid-leader-" + GRID)).isNotNull();
    fire(CheckInProcess.TIMER_COMMUNITY);
    assertThat(chase(CheckInProcess.TASK_COMMUNITY_CHASE, "community-JH-JN-NS")).isNotNull();
    assertThat(checkIns.round(GRID, day).orElseThrow().escalation()).isEqualTo(RoundEscalation.COMMUNITY);
    assertThat(gridTask()).as("the worker keeps the list").isNotNull();
  }

  @Test
  void theChasersNotesAreKeptOnTheRoundEncryptedAndShownInItsView() {
    listedPerson("随访测试督办", 1);
    theMorningComes();
    fire(CheckInProcess.TIMER_GRID_LEADER);
    fire(CheckInProcess.TIMER_COMMUNITY);
    Task gridLeader = chase(CheckInProcess.TASK_GRID_LEADER_CHASE, "grid-leader-" + GRID);
    Task community = chase(CheckInProcess.TASK_COMMUNITY_CHASE, "community-JH-JN-NS");

    assertThatThrownBy(() -> tasks.complete(gridLeader.getId(), Map.of("supervisionNote", " ")))
        .hasMessageContaining("督办情况");
    assertThat(tasks.createTaskQuery().taskId(gridLeader.getId()).count()).as("a blank note is refused").isOne();
    tasks.setAssignee(gridLeader.getId(), "gridleader-jiangnan-nanshan-02");
    tasks.complete(gridLeader.getId(), Map.of("supervisionNote", "已电话催促网格员, 21点前完成"));
    tasks.setAssignee(community.getId(), "community-jiangnan-nanshan");
    tasks.complete(community.getId(), Map.of("supervisionNote", "社区已派人协助拨打"));

    as(WORKER).get("/api/v1/check-ins/today?gridCode=" + GRID).then().statusCode(200)
        .body("notes.kind", contains("GRID_LEADER_CHASE", "COMMUNITY_CHASE"))
        .body("notes.note", contains("已电话催促网格员, 21点前完成", "社区已派人协助拨打"))
        .body("notes.writtenBy", contains("gridleader-jiangnan-nanshan-02", "community-jiangnan-nanshan"));
    long round = checkIns.round(GRID, day).orElseThrow().id();
    assertThat(jdbc.sql("select * from check_in_note where round_id = ?").param(round).query().listOfRows())
        .hasSize(2).allSatisfy(row -> assertThat(row.toString()).doesNotContain("催促", "协助"));
  }

  @Test
  void theDailyCheckInIsNotStartedByHandInTasklist() {
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(CheckInProcess.KEY)
        .latestVersion().singleResult();
    assertThat(definition.isStartableInTasklist()).as("only its morning timer starts it").isFalse();
  }

  @Test
  void aRoundNobodyFinishesClosesAtTheNextMorningsStartAndTheCommunityGetsWhoWasNotCalled() {
    long called = listedPerson("随访测试已联系", 1);
    long notCalled = listedPerson("随访测试未联系", 1);
    theMorningComes();
    long round = checkIns.round(GRID, day).orElseThrow().id();
    String morning = gridTask().getProcessInstanceId();
    as(WORKER).body("{\"entries\": [{\"personId\": %d, \"outcome\": \"FINE\"}]}".formatted(called))
        .post("/api/v1/check-ins/" + round + "/entries").then().statusCode(200);
    fire(CheckInProcess.TIMER_GRID_LEADER);
    assertThat(tasks.createTaskQuery().processInstanceId(morning).taskCandidateGroup("grid-leader-" + GRID).count())
        .as("the grid leader's chase is open too").isOne();

    List<Job> closes = management.createJobQuery().processInstanceId(morning)
        .activityId(CheckInProcess.TIMER_ROUND_CLOSES).list();
    Job ours = closes.stream()
        .filter(job -> Long.valueOf(round).equals(runtime.getVariable(job.getExecutionId(), "roundId")))
        .findFirst().orElseThrow();
    assertThat(ours.getDuedate()).as("gridaid.check-in.closes-at: the next morning's start")
        .isEqualTo(Date.from(day.plusDays(1).atTime(8, 0).atZone(CHINA).toInstant()));
    morningOf(day.plusDays(1));
    // every grid's round of that morning reaches its close
    closes.forEach(close -> management.executeJob(close.getId()));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(morning).count())
        .as("no round of yesterday is left running").isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(morning).count()).as("its open tasks ended").isZero();
    as(WORKER).get("/api/v1/check-ins/" + round).then().statusCode(200)
        .body("status", equalTo("MISSED"))
        .body("closedAt", org.hamcrest.Matchers.notNullValue())
        .body("notCalled.personId", hasItem((int) notCalled))
        .body("notCalled.personId", org.hamcrest.Matchers.not(hasItem((int) called)));
    as(WORKER).body("{\"entries\": [{\"personId\": %d, \"outcome\": \"FINE\"}]}".formatted(notCalled))
        .post("/api/v1/check-ins/" + round + "/entries").then().statusCode(409);

    Task followUp = tasks.createTaskQuery().processDefinitionKey(MissedRoundProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(round)).singleResult();
    assertThat(tasks.getIdentityLinksForTask(followUp.getId())).extracting("groupId")
        .containsExactly("community-JH-JN-NS");
    assertThat(String.valueOf(tasks.getVariable(followUp.getId(), "notCalled"))).contains("随访测试未联系")
        .doesNotContain("随访测试已联系");
    tasks.setAssignee(followUp.getId(), "community-jiangnan-nanshan");
    tasks.complete(followUp.getId(), Map.of("supervisionNote", "已安排今天上午优先联系"));
    as(WORKER).get("/api/v1/check-ins/" + round).then().statusCode(200)
        .body("notes.kind", contains("MISSED_ROUND_FOLLOW_UP")).body("notes[0].note", equalTo("已安排今天上午优先联系"));

    // the other grids' follow-ups of that test day would stay in the communities' Tasklist
    runtime.createProcessInstanceQuery().processDefinitionKey(MissedRoundProcess.KEY).list().forEach(other ->
        runtime.deleteProcessInstance(other.getId(), "test day over"));
  }

  /** A deadline of this grid's list passes. */
  void fire(String timerId) {
    var timer = management.createJobQuery().processDefinitionKey(CheckInProcess.KEY).activityId(timerId)
        .executionId(gridTask().getExecutionId()).singleResult();
    management.executeJob(timer.getId());
  }

  Task chase(String taskKey, String group) {
    return tasks.createTaskQuery().processDefinitionKey(CheckInProcess.KEY).taskDefinitionKey(taskKey)
        .taskCandidateGroup(group).list().stream()
        .filter(t -> t.getProcessInstanceId().equals(gridTask().getProcessInstanceId())).findFirst().orElse(null);
  }

  @Test
  void theWorkersPhoneRecordsOnePersonAtATimeAndFinishesTheDay() throws Exception {
    long person = listedPerson("随访测试己", 1);
    theMorningComes();
    long round = checkIns.round(GRID, day).orElseThrow().id();

    as(WORKER).get("/api/v1/check-ins/today?gridCode=" + GRID).then().statusCode(200)
        .body("id", equalTo((int) round)).body("entries.personId", hasItem((int) person));
    as(WORKER).body("{\"entries\": [{\"personId\": %d, \"outcome\": \"NEEDS_HELP\"}, {\"outcome\": \"LOST\"}]}"
            .formatted(person))
        .post("/api/v1/check-ins/" + round + "/entries").then().statusCode(400)
        .body("errors.field", containsInAnyOrder("entries[0].need", "entries[1].personId", "entries[1].outcome"));
    as("grid-jiangnan-nanshan-01").body("{\"entries\": []}").post("/api/v1/check-ins/" + round + "/entries").then()
        .statusCode(404);
    as(WORKER).body("{\"entries\": [{\"personId\": %d, \"outcome\": \"FINE\"}, null]}".formatted(person))
        .post("/api/v1/check-ins/" + round + "/entries").then().statusCode(400)
        .contentType("application/problem+json").body("errors.field", contains("entries[1]"));
    assertThat(checkIns.round(round).entryOf(person).orElseThrow().outcome()).isNull();

    StringBuilder all = new StringBuilder();
    for (var entry : checkIns.round(round).entries()) {
      all.append(all.isEmpty() ? "" : ",").append("{\"personId\": ").append(entry.personId())
          .append(", \"outcome\": \"FINE\"}");
    }
    as(WORKER).body("{\"entries\": [" + all + "], \"finish\": true}").post("/api/v1/check-ins/" + round + "/entries")
        .then().statusCode(200).body("status", equalTo("COMPLETED"));
    assertThat(gridTask()).isNull();
  }

  @Test
  void aGridWhoseListCannotBeMadeIsRetriedWithoutHoldingUpTheOthers() {
    listedPerson("随访测试庚", 1);
    // a round for a street, which has no community above it: its list cannot be made
    jdbc.sql("insert into check_in_round (grid_code, check_day, day_number, status, created_at)"
        + " values ('JH-JN', ?, ?, 'OPEN', current_timestamp)")
        .params(java.sql.Date.valueOf(day), day.toEpochDay()).update();
    long broken = checkIns.round("JH-JN", day).orElseThrow().id();

    List<Job> rounds = CheckInMorning.timerFires(management, runtime);
    Job brokenRound = null;
    for (Job round : rounds) {
      try {
        management.executeJob(round.getId());
      } catch (RuntimeException e) {
        brokenRound = round;
      }
    }

    assertThat(gridTask()).as("the grid's list is out").isNotNull();
    assertThat(brokenRound).as("the broken round failed on its own").isNotNull();
    Job retried = management.createJobQuery().jobId(brokenRound.getId()).singleResult();
    assertThat(retried.getRetries()).isEqualTo(2);
    assertThat(retried.getDuedate()).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(300)));
    jdbc.sql("delete from check_in_round where id = ?").param(broken).update();
  }
}
