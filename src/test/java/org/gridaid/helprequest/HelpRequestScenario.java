package org.gridaid.helprequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Calls come in, staff work the tasks, deadlines pass: the steps help-request tests are told in. */
@GridAidTest
abstract class HelpRequestScenario {

  /** 中福花园5栋 is a minimal unit of 中福社区第2网格 in the demo organisation. */
  static final String ZHONGFU_ADDRESS = "礼乐街道中福花园5栋";
  static final String ZHONGFU_GRID = "JH-LL-ZF-02";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HelpRequestService service;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String newPhone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  NewHelpRequest callFrom(String phone, String category, String address, String... flags) {
    return new NewHelpRequest("李女士", phone, address, null, null, category, "家中老人降压药只剩一天的量", "王伯, 78岁",
        Arrays.asList(flags), "HOTLINE");
  }

  /** A call as an outside system or the API sends it; returns the case id. */
  long call(String category, String address, String... flags) {
    return submit(callFrom(newPhone(), category, address, flags));
  }

  long submit(NewHelpRequest form) {
    return service.submit(form, "hotline-01", null, null).request().id();
  }

  HelpRequest helpRequest(long id) {
    return service.get(id);
  }

  ProcessInstance process(long id) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult();
  }

  Task task(long id, String taskKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(taskKey).list();
    assertThat(found).as("open tasks %s of help request %d", taskKey, id).hasSize(1);
    return found.get(0);
  }

  List<Task> openTasks(long id) {
    return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).list();
  }

  void complete(long id, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(id, taskKey).getId(), variables);
  }

  void resolve(long id) {
    complete(id, HelpRequestProcess.TASK_HANDLE_REQUEST,
        Map.of("outcome", "RESOLVED", "actionTaken", "网格员已送药上门"));
  }

  void callBack(long id, boolean reached, boolean satisfied) {
    complete(id, HelpRequestProcess.TASK_CALLBACK,
        Map.of("callbackReached", reached, "residentSatisfied", satisfied, "callbackNote", "回访记录"));
  }

  /** The deadline passes: its timer job runs now, whatever its due date. */
  void deadlinePasses(long id, String timerId) {
    Job timer = timer(id, timerId);
    assertThat(timer).as("timer %s of help request %d", timerId, id).isNotNull();
    management.executeJob(timer.getId());
  }

  Job timer(long id, String timerId) {
    return management.createJobQuery().processInstanceId(process(id).getId()).activityId(timerId).singleResult();
  }

  List<TimelineEventType> timeline(long id) {
    return service.timeline(id).stream().map(TimelineEvent::type).toList();
  }
}
