package org.gridaid.carepacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.gridaid.carepacks.CarePackProcess.*;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridaid.register.HouseholdRoster;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.supplies.Receipt;
import org.gridaid.supplies.Reference;
import org.gridaid.supplies.ReferenceType;
import org.gridaid.supplies.Reservation;
import org.gridaid.test.EngineHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The care-pack campaign process with its tasks worked and its timers fired as jobs. */
class CarePackCampaignProcessTests extends CarePackScenario {

  @Test
  void everyHouseholdOfTheGridsGetsAPackAndCoveredGridsGoToTheWarehouseAtOnce() {
    int rice = stock(ZHONGFU_CENTRE, "FOOD-RICE").reserved();
    long id = start(List.of(ZHONGFU_01, ZHONGFU_02), PackType.LIVING_SUPPLIES);

    List<HouseholdRoster.Member> members = roster.inGrids(List.of(ZHONGFU_01, ZHONGFU_02));
    CampaignReport report = report(id);
    assertThat(report.totals().householdsPlanned()).as("one pack per household of the register")
        .isEqualTo(members.size()).isPositive();
    assertThat(report.grids()).extracting(CampaignReport.GridView::status)
        .containsOnly(GridStatus.PREPARING);
    assertThat(report.grids()).extracting(CampaignReport.GridView::siteCode).containsOnly(ZHONGFU_CENTRE);
    assertThat(tasks(id, TASK_HAND_OVER)).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup("warehouse"));
    long needy = members.stream().filter(m -> m.vulnerable() || m.group().name().equals("HARDSHIP")).count();
    assertThat(stock(ZHONGFU_CENTRE, "FOOD-RICE").reserved()).as("a bag of rice per hardship or vulnerable household")
        .isEqualTo(rice + (int) needy);
    assertThat(report.items()).extracting(CampaignReport.ItemRow::itemCode).contains("CARD-MESSAGE");
    assertThat(report.items()).filteredOn(i -> i.itemCode().equals("CARD-MESSAGE")).singleElement()
        .satisfies(card -> assertThat(card.needed()).as("a card in every pack").isEqualTo(members.size()));
  }

  @Autowired
  JdbcClient jdbc;
  @Autowired
  ObjectMapper json;

  @Test
  void aGridDeliversInTasklistAndOverRestFollowsUpAndReturnsWhatWasNotDelivered() {
    int milkBefore = stock(ZHONGFU_CENTRE, "FOOD-MILK").onHand();
    long id = start(List.of(ZHONGFU_01), PackType.BREAKFAST);
    assertThat(task(id, TASK_HAND_OVER, ZHONGFU_01)).hasCandidateGroup("warehouse");
    assertThat((String) tasks.getVariable(task(id, TASK_HAND_OVER, ZHONGFU_01).getId(), "packingList"))
        .as("the warehouse sees what to pack").contains("鸡蛋").contains("暖心卡");

    tasks.claim(task(id, TASK_HAND_OVER, ZHONGFU_01).getId(), WAREHOUSE_WORKER);
    complete(id, TASK_HAND_OVER, ZHONGFU_01, Map.of());

    List<CarePackService.ListedHousehold> all = households(id, ZHONGFU_01);
    int n = all.size();
    assertThat(n).isGreaterThanOrEqualTo(4);
    assertThat(stock(ZHONGFU_CENTRE, "FOOD-MILK").onHand()).as("a box of milk per breakfast pack left the centre")
        .isEqualTo(milkBefore - n);
    assertThat(task(id, TASK_DELIVER, ZHONGFU_01)).hasCandidateGroup("grid-" + ZHONGFU_01);
    assertThat(task(id, TASK_DELIVER, ZHONGFU_01).getDueDate()).isNotNull();
    assertThat(tasks.getVariable(task(id, TASK_DELIVER, ZHONGFU_01).getId(), "households").toString())
        .as("the list holds every household with its address").contains(all.get(0).address());

    // the phone app first: two delivered, one refused
    service.record(id, List.of(new CarePackService.DoorReport(all.get(0).householdId(), null, "DELIVERED"),
        new CarePackService.DoorReport(all.get(1).householdId(), "BREAKFAST", "DELIVERED"),
        new CarePackService.DoorReport(all.get(2).householdId(), null, "REFUSED")), requester(GRID_WORKER_01));
    // then Tasklist: the rest but the last delivered, the last nobody at home
    Map<Long, DoorOutcome> picked = new HashMap<>();
    for (int i = 3; i < n; i++) {
      picked.put(all.get(i).householdId(), i == n - 1 ? DoorOutcome.NOT_AT_HOME : DoorOutcome.DELIVERED);
    }
    tasks.claim(task(id, TASK_DELIVER, ZHONGFU_01).getId(), GRID_WORKER_01);
    complete(id, TASK_DELIVER, ZHONGFU_01, Map.of("households", rows(all, picked)));

    assertThat(task(id, TASK_FOLLOW_UP, ZHONGFU_01)).hasCandidateGroup("grid-" + ZHONGFU_01);
    String followUp = tasks.getVariable(task(id, TASK_FOLLOW_UP, ZHONGFU_01).getId(), "households").toString();
    assertThat(followUp).as("only the household nobody opened for")
        .contains("\"householdId\":" + all.get(n - 1).householdId())
        .doesNotContain("\"householdId\":" + all.get(2).householdId() + ",");
    CampaignReport live = report(id);
    assertThat(live.totals().delivered()).isEqualTo(n - 2);
    assertThat(live.totals().missed()).as("the refusal is final").isEqualTo(1);

    timerFires(id, TIMER_FOLLOW_UP, ZHONGFU_01);
    var leaderTask = task(id, TASK_LEADER_FOLLOW_UP, ZHONGFU_01);
    assertThat(leaderTask).hasCandidateGroup("grid-leader-" + ZHONGFU_01);
    List<CarePackService.ListedHousehold> open = service.households(id, ZHONGFU_01, true);
    assertThat(open).extracting(CarePackService.ListedHousehold::householdId)
        .containsExactly(all.get(n - 1).householdId());
    assertThatThrownBy(() -> tasks.complete(leaderTask.getId(), Map.of("households", rows(open, Map.of()))))
        .as("the grid leader answers for every household").hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("households[0].outcome");

    tasks.complete(leaderTask.getId(), Map.of("households",
        rows(open, Map.of(all.get(n - 1).householdId(), DoorOutcome.NOT_AT_HOME))));

    assertThat(process(id)).as("the campaign's only grid is done").isNull();
    CampaignReport done = report(id);
    assertThat(done.completed()).isTrue();
    assertThat(done.totals().delivered()).isEqualTo(n - 2);
    assertThat(done.totals().missed()).isEqualTo(2);
    assertThat(done.totals().packsReturned()).isEqualTo(2);
    assertThat(done.ledgerAgrees()).as("issued less returned is what the delivered packs held").isTrue();
    assertThat(stock(ZHONGFU_CENTRE, "FOOD-MILK").onHand()).as("two boxes back")
        .isEqualTo(milkBefore - (n - 2));
    assertThat(done.items()).filteredOn(i -> i.itemCode().equals("FOOD-MILK")).singleElement()
        .satisfies(milk -> assertThat(milk.issued() - milk.returned()).isEqualTo(n - 2));
  }

  @Test
  void theGridLeaderCannotCloseTheGridWithAListThatLeavesHouseholdsOut() {
    long id = start(List.of(ZHONGFU_02), PackType.BREAKFAST);
    complete(id, TASK_HAND_OVER, ZHONGFU_02, Map.of());
    timerFires(id, TIMER_DEADLINE, ZHONGFU_02);
    timerFires(id, TIMER_FOLLOW_UP, ZHONGFU_02);
    List<CarePackService.ListedHousehold> open = service.households(id, ZHONGFU_02, true);
    assertThat(open).as("nobody was visited").hasSizeGreaterThanOrEqualTo(2);
    String leaderTask = task(id, TASK_LEADER_FOLLOW_UP, ZHONGFU_02).getId();

    // over the engine API a list is whatever the caller sends: empty, or some of the rows
    assertThatThrownBy(() -> tasks.complete(leaderTask, Map.of("households", "[]")))
        .as("an empty list answers for nobody").hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("住户名单 (households)").hasMessageContaining(String.valueOf(open.get(0).householdId()));
    Map<Long, DoorOutcome> first = Map.of(open.get(0).householdId(), DoorOutcome.DELIVERED);
    assertThatThrownBy(() -> tasks.complete(leaderTask, Map.of("households", rows(open.subList(0, 1), first))))
        .as("a list without the others").hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining(String.valueOf(open.get(1).householdId()));

    assertThat(tasks.createTaskQuery().taskId(leaderTask).count()).as("the task stays open").isOne();
    assertThat(service.grid(id, ZHONGFU_02).status()).isEqualTo(GridStatus.LEADER_FOLLOW_UP);
    assertThat(service.households(id, ZHONGFU_02, true)).as("nothing was recorded").hasSameSizeAs(open);
    assertThat(report(id).completed()).isFalse();

    Map<Long, DoorOutcome> all = new HashMap<>();
    open.forEach(h -> all.put(h.householdId(), DoorOutcome.NOT_AT_HOME));
    tasks.complete(leaderTask, Map.of("households", rows(open, all)));
    assertThat(report(id).completed()).as("every household answered: the grid is done").isTrue();
    assertThat(service.households(id, ZHONGFU_02, true)).isEmpty();
  }

  @Test
  void aGridShortOfStockWaitsWithItsExactShortageWhileTheOtherGridStarts() {
    // 中福 01 takes its packs from its community's centre, which keeps exactly the eggs it needs (a
    // box per breakfast pack); 永明 has no centre: its grid's come from the district warehouse,
    // where somebody else holds every egg but three
    int zhongfu = roster.inGrids(List.of(ZHONGFU_01)).size();
    int yongming = roster.inGrids(List.of(YONGMING_01)).size();
    List<Reservation> held = leaveExactly(WAREHOUSE, "FOOD-EGGS", 3);
    try {
      held.addAll(leaveExactly(ZHONGFU_CENTRE, "FOOD-EGGS", zhongfu));
      int centreReserved = stock(ZHONGFU_CENTRE, "FOOD-EGGS").reserved();
      long id = start(List.of(ZHONGFU_01, YONGMING_01), PackType.BREAKFAST);

      CampaignGrid covered = service.grid(id, ZHONGFU_01);
      assertThat(covered.status()).as("covered at its site: on at once").isEqualTo(GridStatus.PREPARING);
      assertThat(covered.siteCode()).isEqualTo(ZHONGFU_CENTRE);
      assertThat(covered.shortage()).isEmpty();
      assertThat(task(id, TASK_HAND_OVER, ZHONGFU_01)).hasCandidateGroup("warehouse");
      assertThat(stock(ZHONGFU_CENTRE, "FOOD-EGGS").reserved()).as("its eggs are promised to it")
          .isEqualTo(centreReserved + zhongfu);

      CampaignGrid waiting = service.grid(id, YONGMING_01);
      assertThat(waiting.status()).isEqualTo(GridStatus.AWAITING_STOCK);
      assertThat(waiting.siteCode()).isEqualTo(WAREHOUSE);
      assertThat(waiting.shortage()).as("a box per household, less the three left")
          .containsExactly(Map.entry("FOOD-EGGS", yongming - 3));
      var replenish = task(id, TASK_REPLENISH_STOCK, YONGMING_01);
      assertThat(replenish).hasCandidateGroup("warehouse");
      assertThat(replenish.getDueDate()).as("due at the campaign's deadline")
          .isEqualTo(Date.from(service.load(id).deadline()));
      assertThat(tasks.getVariable(replenish.getId(), "shortage").toString())
          .contains("鸡蛋 10枚 " + (yongming - 3) + " 盒");
      assertThat(tasks(id, TASK_REPLENISH_STOCK)).as("only the grid short of stock waits").hasSize(1);
      assertThat(tasks(id, TASK_HAND_OVER)).as("only the grid covered is handed over").hasSize(1);
      assertThat(report(id).grids()).extracting(CampaignReport.GridView::status)
          .containsExactlyInAnyOrder(GridStatus.PREPARING, GridStatus.AWAITING_STOCK);

      // still short: the task comes back with the same shortage
      complete(id, TASK_REPLENISH_STOCK, YONGMING_01, Map.of("openAppeal", false));
      assertThat(task(id, TASK_REPLENISH_STOCK, YONGMING_01)).isNotNull();
      assertThat(service.grid(id, YONGMING_01).shortage()).containsExactly(Map.entry("FOOD-EGGS", yongming - 3));

      // stock comes in: the warehouse checks again and the grid goes on to its hand-over
      release(held);
      complete(id, TASK_REPLENISH_STOCK, YONGMING_01, Map.of("openAppeal", false));
      assertThat(task(id, TASK_HAND_OVER, YONGMING_01)).isNotNull();
      assertThat(service.grid(id, YONGMING_01).covered()).isTrue();
      assertThat(tasks(id, TASK_REPLENISH_STOCK)).isEmpty();
    } finally {
      release(held);
    }
  }

  @Test
  void tickingTheAppealAgainAsksOnlyForWhatTheGridsOpenAppealsDoNotBringAlready() {
    int yongming = roster.inGrids(List.of(YONGMING_01)).size();
    List<Reservation> held = leaveExactly(WAREHOUSE, "FOOD-EGGS", 3);
    try {
      long id = start(List.of(YONGMING_01), PackType.BREAKFAST);
      int shortage = yongming - 3;
      long before = appeals();

      // the warehouse asks for donations of exactly what the grid lacks, delivered to its site
      complete(id, TASK_REPLENISH_STOCK, YONGMING_01, Map.of("openAppeal", true));
      assertThat(appeals()).as("one appeal for the eggs short").isEqualTo(before + 1);
      assertThat(lastAppeal("target")).as("exactly the shortage").isEqualTo((long) shortage);
      assertThat(jdbc.sql("select site_code from donation_appeal_site where appeal_id = ?").param(lastAppeal("id"))
          .query(String.class).single()).isEqualTo(WAREHOUSE);

      // nothing came yet: the task comes back, and ticked again the open appeal still brings all of it
      complete(id, TASK_REPLENISH_STOCK, YONGMING_01, Map.of("openAppeal", true));
      assertThat(appeals()).as("no second appeal for the same eggs").isEqualTo(before + 1);

      // somebody else takes two of the three boxes left: the grid lacks two more, and only those are asked for
      held.addAll(leaveExactly(WAREHOUSE, "FOOD-EGGS", 1));
      complete(id, TASK_REPLENISH_STOCK, YONGMING_01, Map.of("openAppeal", false));
      assertThat(service.grid(id, YONGMING_01).shortage()).containsExactly(Map.entry("FOOD-EGGS", shortage + 2));
      complete(id, TASK_REPLENISH_STOCK, YONGMING_01, Map.of("openAppeal", true));
      assertThat(appeals()).isEqualTo(before + 2);
      assertThat(lastAppeal("target")).as("only what grew since").isEqualTo(2L);
      assertThat(task(id, TASK_REPLENISH_STOCK, YONGMING_01)).as("still short: the task comes back").isNotNull();
    } finally {
      release(held);
    }
  }

  private long appeals() {
    return jdbc.sql("select count(*) from donation_appeal").query(Long.class).single();
  }

  private long lastAppeal(String column) {
    return jdbc.sql("select " + column + " from donation_appeal order by id desc limit 1").query(Long.class).single();
  }

  @Test
  void atTheDeadlineTheHouseholdsNotReachedBecomeTheGridsFollowUpList() {
    long id = start(List.of(ZHONGFU_02), PackType.LIVING_SUPPLIES);
    complete(id, TASK_HAND_OVER, ZHONGFU_02, Map.of());
    List<CarePackService.ListedHousehold> all = households(id, ZHONGFU_02);
    service.record(id, List.of(new CarePackService.DoorReport(all.get(0).householdId(), null, "DELIVERED")),
        requester("grid-lile-zhongfu-02"));

    timerFires(id, TIMER_DEADLINE, ZHONGFU_02);

    assertThat(tasks(id, TASK_DELIVER)).isEmpty();
    String list = tasks.getVariable(task(id, TASK_FOLLOW_UP, ZHONGFU_02).getId(), "households").toString();
    assertThat(list).doesNotContain("\"householdId\":" + all.get(0).householdId() + ",")
        .contains("\"householdId\":" + all.get(1).householdId() + ",");
    assertThat(service.grid(id, ZHONGFU_02).status()).isEqualTo(GridStatus.FOLLOW_UP);

    // the second attempt reaches everybody: no grid leader needed
    Map<Long, DoorOutcome> rest = new HashMap<>();
    all.stream().skip(1).forEach(h -> rest.put(h.householdId(), DoorOutcome.DELIVERED));
    complete(id, TASK_FOLLOW_UP, ZHONGFU_02, Map.of("households",
        rows(service.households(id, ZHONGFU_02, true), rest)));
    assertThat(tasks(id, TASK_LEADER_FOLLOW_UP)).isEmpty();
    CampaignReport done = report(id);
    assertThat(done.completed()).isTrue();
    assertThat(done.totals().delivered()).isEqualTo(all.size());
    assertThat(done.totals().packsReturned()).isZero();
    assertThat(done.ledgerAgrees()).isTrue();
  }

  @Test
  void theDeadlineIsATimerAtTheCampaignsDeadline() {
    Instant now = Instant.parse("2026-07-01T00:00:00Z");
    ClockUtil.setCurrentTime(Date.from(now));
    long id = start(List.of(ZHONGFU_02), PackType.BREAKFAST);
    complete(id, TASK_HAND_OVER, ZHONGFU_02, Map.of());
    var timer = management.createJobQuery().processInstanceId(process(id).getId()).activityId(TIMER_DEADLINE)
        .singleResult();
    assertThat(timer.getDuedate()).as("24 hours by default").isEqualTo(Date.from(now.plusSeconds(24 * 3600)));
    assertThat(task(id, TASK_DELIVER, ZHONGFU_02).getDueDate()).isEqualTo(timer.getDuedate());
  }

  @Test
  void theGridLeadersFollowUpIsDueAndOverdueTheStreetOfficeSupervisesItUntilTheLeaderIsDone() {
    Instant now = Instant.parse("2026-07-01T00:00:00Z");
    ClockUtil.setCurrentTime(Date.from(now));
    long id = start(List.of(ZHONGFU_02), PackType.BREAKFAST);
    complete(id, TASK_HAND_OVER, ZHONGFU_02, Map.of());
    timerFires(id, TIMER_DEADLINE, ZHONGFU_02);
    Instant followUpClosed = now.plusSeconds(30 * 3600);
    ClockUtil.setCurrentTime(Date.from(followUpClosed));
    timerFires(id, TIMER_FOLLOW_UP, ZHONGFU_02);

    var leaderTask = task(id, TASK_LEADER_FOLLOW_UP, ZHONGFU_02);
    Date due = Date.from(followUpClosed.plusSeconds(12 * 3600));
    assertThat(leaderTask.getDueDate()).as("12 hours by default").isEqualTo(due);
    var overdue = management.createJobQuery().processInstanceId(process(id).getId())
        .activityId(TIMER_LEADER_OVERDUE).singleResult();
    assertThat(overdue.getDuedate()).as("the timer at the task's due date").isEqualTo(due);
    assertThat(tasks(id, TASK_LEADER_OVERDUE)).isEmpty();

    timerFires(id, TIMER_LEADER_OVERDUE, ZHONGFU_02);
    var supervision = task(id, TASK_LEADER_OVERDUE, ZHONGFU_02);
    assertThat(supervision).hasCandidateGroup("street-JH-LL");
    assertThat(supervision.getName()).isEqualTo("网格长逾期未跟进未送达住户");
    assertThat(task(id, TASK_LEADER_FOLLOW_UP, ZHONGFU_02).getId()).as("the leader's task goes on")
        .isEqualTo(leaderTask.getId());
    List<CarePackService.ListedHousehold> open = service.households(id, ZHONGFU_02, true);
    assertThat((String) tasks.getVariable(supervision.getId(), "openHouseholds"))
        .as("the households still open, from the module's table").contains(open.get(0).address());
    assertThat((String) tasks.getVariable(supervision.getId(), "gridState")).contains("网格长跟进")
        .contains(open.size() + " 户");
    assertThat((String) tasks.getVariable(supervision.getId(), "campaignSummary")).contains(ZHONGFU_02);

    Map<Long, DoorOutcome> all = new HashMap<>();
    open.forEach(h -> all.put(h.householdId(), DoorOutcome.NOT_AT_HOME));
    tasks.complete(leaderTask.getId(), Map.of("households", rows(open, all)));
    assertThat(tasks(id, TASK_LEADER_OVERDUE)).as("the street's task ends with the leader's").isEmpty();
    assertThat(process(id)).isNull();
    assertThat(report(id).completed()).isTrue();
  }

  @Test
  void atTheDeadlineTheStreetOfficeSupervisesAGridWhosePacksWereNotHandedOver() {
    Instant now = Instant.parse("2026-07-01T00:00:00Z");
    ClockUtil.setCurrentTime(Date.from(now));
    long id = start(List.of(ZHONGFU_01, ZHONGFU_02), PackType.BREAKFAST);
    Date deadline = Date.from(now.plusSeconds(24 * 3600));
    assertThat(task(id, TASK_HAND_OVER, ZHONGFU_01).getDueDate()).as("the campaign's deadline").isEqualTo(deadline);
    var timers = management.createJobQuery().processInstanceId(process(id).getId())
        .activityId(TIMER_STOCK_DEADLINE).list();
    assertThat(timers).as("one a grid").hasSize(2).allSatisfy(t -> assertThat(t.getDuedate()).isEqualTo(deadline));
    complete(id, TASK_HAND_OVER, ZHONGFU_02, Map.of());
    assertThat(management.createJobQuery().processInstanceId(process(id).getId())
        .activityId(TIMER_STOCK_DEADLINE).count()).as("the grid handed over needs no supervision").isOne();

    ClockUtil.setCurrentTime(deadline);
    timerFires(id, TIMER_STOCK_DEADLINE, ZHONGFU_01);
    var supervision = task(id, TASK_STOCK_OVERDUE, ZHONGFU_01);
    assertThat(supervision).hasCandidateGroup("street-JH-LL");
    assertThat(tasks(id, TASK_STOCK_OVERDUE)).as("only the grid still waiting").hasSize(1);
    assertThat((String) tasks.getVariable(supervision.getId(), "gridState")).contains("发放已截止")
        .contains("尚未交付");
    assertThat(task(id, TASK_HAND_OVER, ZHONGFU_01)).as("the warehouse's task goes on").isNotNull();

    complete(id, TASK_HAND_OVER, ZHONGFU_01, Map.of());
    assertThat(tasks(id, TASK_STOCK_OVERDUE)).as("the street's task ends with the hand-over").isEmpty();
    assertThat(task(id, TASK_DELIVER, ZHONGFU_01)).isNotNull();
  }

  @Test
  void noAddressOfTheHouseholdsReachesTheEnginesHistory() throws Exception {
    long id = start(List.of(ZHONGFU_01), PackType.LIVING_SUPPLIES);
    List<String> addresses = households(id, ZHONGFU_01).stream().map(CarePackService.ListedHousehold::address)
        .toList();
    assertThat(addresses).isNotEmpty().doesNotContain("(已不在台账)");
    timerFires(id, TIMER_STOCK_DEADLINE, ZHONGFU_01);
    submitAsTasklist(task(id, TASK_STOCK_OVERDUE, ZHONGFU_01).getId(), null);
    submitAsTasklist(task(id, TASK_HAND_OVER, ZHONGFU_01).getId(), null);
    // Tasklist sends each list back as it showed it, addresses and all, with the outcomes picked
    submitAsTasklist(task(id, TASK_DELIVER, ZHONGFU_01).getId(), DoorOutcome.NOT_AT_HOME);
    submitAsTasklist(task(id, TASK_FOLLOW_UP, ZHONGFU_01).getId(), null);
    timerFires(id, TIMER_LEADER_OVERDUE, ZHONGFU_01);
    assertThat((String) tasks.getVariable(task(id, TASK_LEADER_OVERDUE, ZHONGFU_01).getId(), "openHouseholds"))
        .contains(addresses.get(0));
    submitAsTasklist(task(id, TASK_LEADER_OVERDUE, ZHONGFU_01).getId(), null);
    submitAsTasklist(task(id, TASK_LEADER_FOLLOW_UP, ZHONGFU_01).getId(), DoorOutcome.DELIVERED);
    assertThat(report(id).completed()).isTrue();

    assertThat(new EngineHistory(jdbc).textsContaining(addresses)).as("addresses in the engine's history").isEmpty();
  }

  /** Submits a task's form as Tasklist does: its list as shown, each row with {@code outcome} picked. */
  private void submitAsTasklist(String taskId, DoorOutcome outcome) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    Object shown = tasks.getVariable(taskId, "households");
    if (shown != null) {
      ArrayNode list = (ArrayNode) json.readTree(shown.toString());
      list.forEach(row -> {
        if (outcome != null) {
          ((ObjectNode) row).put("outcome", outcome.name());
        }
      });
      variables.put("households", json.writeValueAsString(list));
    }
    engine.getFormService().submitTaskForm(taskId, variables);
  }

  /**
   * Leaves exactly {@code left} of the item free at the site: somebody else holds the rest (the
   * reservations returned), or it is received first when there is less.
   */
  private List<Reservation> leaveExactly(String site, String item, int left) {
    List<Reservation> held = new ArrayList<>();
    int free = stock(site, item).available();
    if (free < left) {
      ledger.receive(new Receipt(site, item, left - free, null, null, "测试: 补货", null), "test",
          "care-pack-test-" + site + "-" + item + "-" + System.nanoTime());
    } else if (free > left) {
      ledger.reserve(site, item, free - left, Reference.of(ReferenceType.STOCKTAKE, "care-pack-test"), "test")
          .ifPresent(held::add);
    }
    assertThat(stock(site, item).available()).isEqualTo(left);
    return held;
  }

  /** Somebody else's stock comes back: what they held is free again. */
  private void release(List<Reservation> held) {
    held.forEach(r -> ledger.release(r.id(), "测试: 到货", "test"));
    held.clear();
  }
}
