package org.gridaid.shared.engine;

import java.util.Collection;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;

/**
 * A process step changing the open tasks of its own process instance (telling their assignees
 * something, moving their due date). The step runs inside somebody's command, a grid worker's
 * completion say, whose authorizations do not reach other people's tasks; the change is the
 * process's, so it runs without that user's authorization check, and only on this instance.
 */
public final class OwnTasks {

  private OwnTasks() {}

  /** Calls {@code change} for each open task of the instance whose definition key is one of {@code keys}. */
  public static void update(DelegateExecution execution, Collection<String> keys, BiConsumer<TaskService, Task> change) {
    CommandContext command = Context.getCommandContext();
    boolean checking = command.isAuthorizationCheckEnabled();
    command.disableAuthorizationCheck();
    try {
      TaskService tasks = execution.getProcessEngineServices().getTaskService();
      tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKeyIn(keys.toArray(String[]::new)).list()
          .forEach(task -> change.accept(tasks, task));
    } finally {
      if (checking) {
        command.enableAuthorizationCheck();
      }
    }
  }
}
