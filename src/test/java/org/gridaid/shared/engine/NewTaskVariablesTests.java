package org.gridaid.shared.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task's variables are known to be none when its own listeners run, whatever those
 * listeners are, so setting one does not read them first; what a task is given at creation and
 * after it is all stored.
 */
@GridAidTest
class NewTaskVariablesTests {

  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aTasksVariablesAreKnownBeforeItsOwnListenersRun() {
    Task task = taskOf(deploy(true));

    assertThat(tasks.getVariableLocal(task.getId(), "variablesKnownAtCreation")).isEqualTo(true);
  }

  @Test
  void aNewTaskKeepsWhatItIsGivenAtCreation() {
    Task task = taskOf(deploy(false));

    assertThat(tasks.getVariablesLocal(task.getId())).isEqualTo(Map.of("summary", "case 42"));
  }

  @Test
  void whatAnEarlierListenerGaveTheTaskIsKept() {
    Task task = taskOf(deploy(true));

    assertThat(tasks.getVariablesLocal(task.getId()))
        .isEqualTo(Map.of("variablesKnownAtCreation", true, "summary", "case 42"));
  }

  @Test
  void variablesSetLaterAreAddedToThoseOfCreation() {
    Task task = taskOf(deploy(true));
    tasks.setVariableLocal(task.getId(), "later", "set after creation");

    assertThat(tasks.getVariablesLocal(task.getId()))
        .containsOnlyKeys("variablesKnownAtCreation", "summary", "later");
  }

  private Task taskOf(String processKey) {
    String instance = runtime.startProcessInstanceByKey(processKey, "42").getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private String deploy(boolean earlierListener) {
    String key = "process_newTaskVariables" + (earlierListener ? "Earlier" : "");
    var userTask = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().userTask("userTask_form");
    if (earlierListener) {
      userTask = userTask.camundaTaskListenerClass(TaskListener.EVENTNAME_CREATE, EarlierListener.class);
    }
    BpmnModelInstance model = userTask.camundaTaskListenerClass(TaskListener.EVENTNAME_CREATE, SummaryListener.class)
        .endEvent().done();
    deployment = repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    return key;
  }

  /** A listener of the task's own, before the form's: it notes whether the variables are known. */
  public static class EarlierListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
      boolean known = NewTaskVariables.storeOf((TaskEntity) task).isInitialized();
      task.setVariableLocal("variablesKnownAtCreation", known);
    }
  }

  /** A flow's form listener: it writes the case's summary on the task, as the flows do. */
  public static class SummaryListener extends FormTaskListener {

    public SummaryListener() {
      super(Map.of(), List.of());
    }

    @Override
    protected long caseId(String businessKey) {
      return Long.parseLong(businessKey);
    }

    @Override
    protected void created(DelegateTask task, long id) {
      task.setVariableLocal("summary", "case " + id);
    }

    @Override
    protected void completed(DelegateTask task, long id, String actor) {
      // the tests do not complete the task
    }
  }
}
