package org.gridaid.checkin;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/** The grid leader's visit and the community's chase of an overdue one: what they wrote goes on the round. */
@Component("homeVisitTasks")
class HomeVisitTasks implements TaskListener {

  private static final Map<String, String> FIELD_LABELS = Map.of(HomeVisitProcess.VISIT_NOTE.getName(), "探访情况",
      CheckInProcess.SUPERVISION_NOTE.getName(), "督办情况");

  private final CheckInService checkIns;

  HomeVisitTasks(CheckInService checkIns) {
    this.checkIns = checkIns;
  }

  @Override
  public void notify(DelegateTask task) {
    long roundId = HomeVisitProcess.ROUND_ID.from(task).get();
    long personId = HomeVisitProcess.PERSON_ID.from(task).get();
    String actor = EngineUsers.current(task, task.getAssignee());
    try {
      switch (task.getTaskDefinitionKey()) {
        case HomeVisitProcess.TASK_VISIT ->
            checkIns.recordHomeVisit(roundId, personId, actor, FormVariables.read(HomeVisitProcess.VISIT_NOTE, task));
        case HomeVisitProcess.TASK_COMMUNITY_CHASE -> checkIns.supervise(roundId, RoundNoteKind.HOME_VISIT_CHASE,
            personId, actor, FormVariables.read(CheckInProcess.SUPERVISION_NOTE, task));
        default -> { }
      }
    } catch (InvalidInputException e) {
      throw new FormRefused(e, FIELD_LABELS);
    }
  }
}
