package org.gridaid.checkin;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/** The community's follow-up of a missed round: what it did is kept on the round. */
@Component("missedRoundTasks")
class MissedRoundTasks implements TaskListener {

  private static final Map<String, String> FIELD_LABELS = Map.of(CheckInProcess.SUPERVISION_NOTE.getName(), "跟进情况");

  private final CheckInService checkIns;

  MissedRoundTasks(CheckInService checkIns) {
    this.checkIns = checkIns;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = EngineUsers.current(task, task.getAssignee());
    try {
      checkIns.supervise(MissedRoundProcess.ROUND_ID.from(task).get(), RoundNoteKind.MISSED_ROUND_FOLLOW_UP, null,
          actor, FormVariables.read(CheckInProcess.SUPERVISION_NOTE, task));
    } catch (InvalidInputException e) {
      throw new FormRefused(e, FIELD_LABELS);
    }
  }
}
