package org.gridaid.helprequest;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridaid.shared.engine.OwnTasks;

/**
 * The open 督办 tasks of the community, street and district: they outlast a hold, so their
 * supervisors are told when the case goes on hold and when it resumes. The task's name in
 * the list says so, its form shows why and until when, and its due date moves with the hold.
 */
final class SupervisorTasks {

  static final String ON_HOLD_MARK = "（暂缓中）";

  private SupervisorTasks() {}

  static void tell(DelegateExecution execution, HelpRequest request, Instant now) {
    boolean onHold = request.status() == HelpRequestStatus.ON_HOLD;
    String summary = CaseSummary.of(request);
    String deadlines = Deadlines.of(request).describe(now);
    OwnTasks.update(execution, HelpRequestProcess.SUPERVISOR_TASKS, (tasks, task) -> {
      String name = task.getName().replace(ON_HOLD_MARK, "");
      task.setName(onHold ? name + ON_HOLD_MARK : name);
      if (!onHold && request.nextLevelDueOrNull() != null
          && EscalationLevel.ofTask(task.getTaskDefinitionKey()) == request.escalationLevel()) {
        task.setDueDate(Date.from(request.nextLevelDueOrNull()));
      }
      tasks.saveTask(task);
      tasks.setVariableLocal(task.getId(), HelpRequestProcess.CASE_SUMMARY.getName(), summary);
      tasks.setVariableLocal(task.getId(), HelpRequestProcess.DEADLINES.getName(), deadlines);
    });
  }
}
