package org.gridaid.carepacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.gridaid.register.HouseholdRoster;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.supplies.StockLedger;
import org.gridaid.supplies.StockLevel;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Campaigns start, the warehouse and the grids work their tasks, timers fire as jobs. */
@GridAidTest
abstract class CarePackScenario {

  /** 中福社区 of 礼乐街道: its centre CC-JH-LL-ZF keeps care-pack stock, the district warehouse WH-JH more. */
  static final String ZHONGFU_01 = "JH-LL-ZF-01";
  static final String ZHONGFU_02 = "JH-LL-ZF-02";
  static final String ZHONGFU_CENTRE = "CC-JH-LL-ZF";
  /** 永明社区 of the same street has no centre: its grids' packs come from the district warehouse. */
  static final String YONGMING_01 = "JH-LL-YM-01";
  static final String WAREHOUSE = "WH-JH";
  static final String STREET_OFFICE = "street-lile";
  static final String GRID_WORKER_01 = "grid-lile-zhongfu-01";
  static final String GRID_LEADER_01 = "gridleader-lile-zhongfu-01";
  static final String WAREHOUSE_WORKER = "warehouse-01";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  CarePackService service;
  @Autowired
  StockLedger ledger;
  @Autowired
  HouseholdRoster roster;
  @Autowired
  Requesters requesters;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The street office starts a campaign over REST's path and waits for its planning. */
  long start(List<String> areas, PackType... packs) {
    long id = service.start(new NewCampaign("测试发放", areas, List.of(packs).stream().map(Enum::name).toList(), null),
        requester(STREET_OFFICE), null, null).id();
    service.continueNow(id);
    return id;
  }

  Requester requester(String userId) {
    return requesters.ofUser(userId);
  }

  ProcessInstance process(long id) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(CarePackProcess.businessKey(id))
        .singleResult();
  }

  List<Task> tasks(long id, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(CarePackProcess.businessKey(id))
        .taskDefinitionKey(key).list();
  }

  /** The open task of that key for the grid. */
  Task task(long id, String key, String grid) {
    List<Task> found = tasks(id, key).stream()
        .filter(t -> grid.equals(tasks.getVariable(t.getId(), "gridCode"))).toList();
    assertThat(found).as("open tasks %s of grid %s in campaign %d", key, grid, id).hasSize(1);
    return found.get(0);
  }

  void complete(long id, String key, String grid, Map<String, Object> variables) {
    tasks.complete(task(id, key, grid).getId(), variables);
  }

  /** The grid's deadline (or follow-up) timer fires now, whatever its due date. */
  void timerFires(long id, String timerId, String grid) {
    List<Job> timers = management.createJobQuery().processInstanceId(process(id).getId()).activityId(timerId).list();
    Job timer = timers.stream().filter(j -> grid.equals(runtime.getVariable(j.getExecutionId(), "gridCode")))
        .findFirst().orElseThrow(() -> new AssertionError("no timer " + timerId + " for grid " + grid));
    management.executeJob(timer.getId());
  }

  StockLevel stock(String site, String item) {
    return ledger.level(site, item);
  }

  CampaignReport report(long id) {
    return service.report(id);
  }

  List<CarePackService.ListedHousehold> households(long id, String grid) {
    return service.households(id, grid, false);
  }

  /** The household list of a task, with an outcome picked for some rows, as Tasklist sends it. */
  static String rows(List<CarePackService.ListedHousehold> households, Map<Long, DoorOutcome> picked) {
    StringBuilder json = new StringBuilder("[");
    for (var h : households) {
      if (json.length() > 1) {
        json.append(',');
      }
      DoorOutcome outcome = picked.get(h.householdId());
      json.append("{\"householdId\":").append(h.householdId()).append(",\"address\":\"x\"")
          .append(outcome == null ? "" : ",\"outcome\":\"" + outcome.name() + "\"").append('}');
    }
    return json.append(']').toString();
  }
}
