package org.gridaid.donations;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/** The desk's decision once an appeal reached its target: close it, or go on taking pledges. */
@Component("appealTargetTasks")
class AppealTargetTasks implements TaskListener {

  static final String CLOSE = "CLOSE";
  static final String KEEP_OPEN = "KEEP_OPEN";

  private final AppealService appeals;

  AppealTargetTasks(AppealService appeals) {
    this.appeals = appeals;
  }

  @Override
  public void notify(DelegateTask task) {
    long appealId = AppealTargetProcess.APPEAL_ID.from(task).get();
    String actor = EngineUsers.current(task, task.getAssignee());
    String decision = FormVariables.read(AppealTargetProcess.APPEAL_DECISION, task);
    try {
      if (CLOSE.equals(decision)) {
        appeals.closeIfOpen(appealId, actor);
      } else if (!KEEP_OPEN.equals(decision)) {
        throw new InvalidInputException(AppealTargetProcess.APPEAL_DECISION.getName(),
            decision == null ? "is required" : "must be CLOSE or KEEP_OPEN");
      }
    } catch (InvalidInputException e) {
      throw new FormRefused(e, Map.of(AppealTargetProcess.APPEAL_DECISION.getName(), "决定"));
    }
  }
}
