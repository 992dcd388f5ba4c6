package org.gridaid.medicine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.gridaid.supplies.StockLedger;
import org.gridaid.supplies.StockLevel;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Requests come in, the pharmacy, couriers and the street office work the tasks, timers fire. */
@GridAidTest
abstract class MedicineScenario {

  /** 中福花园5栋 is a minimal unit of 中福社区第2网格 (礼乐街道) in the demo organisation. */
  static final String ZHONGFU_ADDRESS = "礼乐街道中福花园5栋";
  static final String ZHONGFU_GRID = "JH-LL-ZF-02";
  static final String LILE = "JH-LL";
  static final String LILE_PHARMACY = "PH-JH-LL";
  static final String IBUPROFEN = "MED-IBUPROFEN";
  static final String INSULIN = "MED-INSULIN";
  static final String NIFEDIPINE = "MED-NIFEDIPINE-SR";
  static final String COURIER = "volunteer-lile-01";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  MedicineDeliveryService service;
  @Autowired
  StockLedger ledger;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String newPhone() {
    return "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  static NewMedicineRequest.Line line(String item, int quantity) {
    return new NewMedicineRequest.Line(item, quantity, item.equals(IBUPROFEN) ? null : "社区卫生服务中心 张医生");
  }

  /** A clinic's request for a resident of 中福花园5栋; returns the delivery id. */
  long request(NewMedicineRequest.Line... lines) {
    return service.request(new NewMedicineRequest(null, "王伯", newPhone(), ZHONGFU_ADDRESS, null, List.of(lines),
        "NORMAL", null, null), "api-key:clinic", null, null).delivery().id();
  }

  MedicineDelivery delivery(long id) {
    return service.get(id);
  }

  ProcessInstance process(long id) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(MedicineDeliveryProcess.businessKey(id))
        .singleResult();
  }

  Task task(long id, String key) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(MedicineDeliveryProcess.businessKey(id))
        .taskDefinitionKey(key).list();
    assertThat(found).as("open tasks %s of delivery %d", key, id).hasSize(1);
    return found.get(0);
  }

  List<Task> openTasks(long id) {
    return tasks.createTaskQuery().processInstanceBusinessKey(MedicineDeliveryProcess.businessKey(id)).list();
  }

  void complete(long id, String key, Map<String, Object> variables) {
    tasks.complete(task(id, key).getId(), variables);
  }

  /** The deadline passes: its timer job runs now, whatever its due date. */
  void timerFires(long id, String timerId) {
    Job timer = timer(id, timerId);
    assertThat(timer).as("timer %s of delivery %d", timerId, id).isNotNull();
    management.executeJob(timer.getId());
  }

  Job timer(long id, String timerId) {
    return management.createJobQuery().processInstanceId(process(id).getId()).activityId(timerId).singleResult();
  }

  /** A volunteer of 礼乐街道 takes the job (接单) and picks the medicine up. */
  void claimAndPickUp(long id, String courier) {
    Task pickUp = task(id, MedicineDeliveryProcess.TASK_PICK_UP);
    tasks.claim(pickUp.getId(), courier);
    tasks.complete(pickUp.getId(), Map.of());
  }

  StockLevel stock(String site, String item) {
    return ledger.level(site, item);
  }

  List<DeliveryEventType> timeline(long id) {
    return service.timeline(id).stream().map(DeliveryEvent::type).toList();
  }

  /** The delivered lines a courier reports: every line accepted in full. */
  static String allAccepted(MedicineDelivery delivery) {
    return delivery.lines().stream().filter(DeliveryLine::goesToTheDoor)
        .map(l -> "{\"lineNo\": %d, \"accepted\": %d, \"refused\": 0}".formatted(l.lineNo(), l.toDeliver()))
        .reduce((a, b) -> a + ", " + b).map(rows -> "[" + rows + "]").orElse("[]");
  }
}
