package org.gridaid.shared.engine;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task being created has no variables stored yet, but Camunda reads them from the database the
 * first time one is set, as every flow's task does at creation (its case summary). The read finds
 * nothing, and PostgreSQL planned it anew at three calls in four or more, 0.6 ms each: in a burst
 * of 10,000 escalations, 6% of PostgreSQL's CPU (DeadlineBurstBenchmark). The task's variable
 * store is filled from an empty list instead, as Camunda fills a new execution's. If anything
 * set a variable before, the store was filled from the database then, and this changes nothing.
 */
final class NewTaskVariables {

  private static final Logger log = LoggerFactory.getLogger(NewTaskVariables.class);
  private static final Field VARIABLE_STORE = variableStoreField();

  private NewTaskVariables() {}

  /** For a task in its create event: its variables are those it is given from now on. */
  static void noneStoredYet(DelegateTask task) {
    if (VARIABLE_STORE == null || !(task instanceof TaskEntity entity)) {
      return;
    }
    VariableStore<VariableInstanceEntity> store = storeOf(entity);
    if (!store.isInitialized()) {
      store.setVariablesProvider(VariableCollectionProvider.emptyVariables());
      store.forceInitialization();
      store.setVariablesProvider(entity);
    }
  }

  @SuppressWarnings("unchecked")
  private static VariableStore<VariableInstanceEntity> storeOf(TaskEntity task) {
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
