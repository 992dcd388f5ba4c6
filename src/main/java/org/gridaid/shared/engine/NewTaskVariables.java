package org.gridaid.shared.engine;

import java.lang.reflect.Field;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A task being created has no variables stored yet, but Camunda reads them from the database the
 * first time one is set, as every flow's task does at creation (its case summary). The read finds
 * nothing, and PostgreSQL planned it anew at three calls in four or more, 0.6 ms each: in a burst
 * of 10,000 escalations, 6% of PostgreSQL's CPU (DeadlineBurstBenchmark). Every user task's
 * variable store is filled from an empty list instead, as Camunda fills a new execution's, by a
 * built-in create listener: those run before the listeners a BPMN file names, and for every user
 * task of every process, whatever its own listeners.
 */
@Component
public class NewTaskVariables extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(NewTaskVariables.class);
  private static final Field VARIABLE_STORE = variableStoreField();
  private static final TaskListener NONE_STORED_YET = NewTaskVariables::noneStoredYet;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (VARIABLE_STORE == null) {
      return;
    }
    BpmnParseListener everyUserTask = new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, NONE_STORED_YET);
      }
    };
    configuration.setCustomPreBPMNParseListeners(EngineLists.and(configuration.getCustomPreBPMNParseListeners(),
        List.of(everyUserTask)));
  }

  /** For a task in its create event: its variables are those it is given from now on. */
  static void noneStoredYet(DelegateTask task) {
    if (!(task instanceof TaskEntity entity)) {
      return;
    }
    VariableStore<VariableInstanceEntity> store = storeOf(entity);
    // filled already if a listener before this one set a variable: it read the database then
    if (!store.isInitialized()) {
      store.setVariablesProvider(VariableCollectionProvider.emptyVariables());
      store.forceInitialization();
      store.setVariablesProvider(entity);
    }
  }

  @SuppressWarnings("unchecked")
  static VariableStore<VariableInstanceEntity> storeOf(TaskEntity task) {
    try {
      return (VariableStore<VariableInstanceEntity>) VARIABLE_STORE.get(task);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("TaskEntity's variable store was made accessible", e);
    }
  }

  private static Field variableStoreField() {
    try {
      Field field = TaskEntity.class.getDeclaredField("variableStore");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      // another Camunda version: new tasks read their (no) variables, as Camunda does by itself
      log.warn("Camunda's TaskEntity has no field variableStore; new tasks read their variables", e);
      return null;
    }
  }
}
