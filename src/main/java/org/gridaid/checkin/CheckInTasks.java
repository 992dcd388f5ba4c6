package org.gridaid.checkin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The worker's list comes back from the form; the chasers' tasks record the escalation when
 * they are created and the chaser's note when they are done.
 */
@Component("checkInTasks")
class CheckInTasks implements TaskListener {

  /** The Chinese label of each field of the list, as a refusal names it (entries[3].need: 需求). */
  static final Map<String, String> FIELD_LABELS = Map.of(CheckInProcess.PEOPLE, "今日名单", "entries", "今日名单",
      "personId", "姓名", "outcome", "随访结果", "need", "需求", "needCategory", "需求类别",
      CheckInProcess.SUPERVISION_NOTE.getName(), "督办情况");

  private final CheckInService checkIns;
  private final ObjectMapper json = new ObjectMapper();

  CheckInTasks(CheckInService checkIns) {
    this.checkIns = checkIns;
  }

  @Override
  public void notify(DelegateTask task) {
    long roundId = CheckInProcess.ROUND_ID.from(task).get();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      switch (task.getTaskDefinitionKey()) {
        case CheckInProcess.TASK_GRID_LEADER_CHASE -> checkIns.escalate(roundId, RoundEscalation.GRID_LEADER);
        case CheckInProcess.TASK_COMMUNITY_CHASE -> checkIns.escalate(roundId, RoundEscalation.COMMUNITY);
        default -> { }
      }
      return;
    }
    String actor = EngineUsers.current(task, task.getAssignee());
    try {
      switch (task.getTaskDefinitionKey()) {
        case CheckInProcess.TASK_CALL_PEOPLE ->
            checkIns.record(roundId, heard(task.getVariable(CheckInProcess.PEOPLE)), actor, true);
        case CheckInProcess.TASK_GRID_LEADER_CHASE -> checkIns.supervise(roundId, RoundNoteKind.GRID_LEADER_CHASE,
            null, actor, FormVariables.read(CheckInProcess.SUPERVISION_NOTE, task));
        case CheckInProcess.TASK_COMMUNITY_CHASE -> checkIns.supervise(roundId, RoundNoteKind.COMMUNITY_CHASE,
            null, actor, FormVariables.read(CheckInProcess.SUPERVISION_NOTE, task));
        default -> { }
      }
    } catch (InvalidInputException e) {
      throw new FormRefused(e, FIELD_LABELS);
    }
  }

  private List<CheckInService.Heard> heard(Object people) {
    try {
      List<Map<String, Object>> items = json.readValue(String.valueOf(people), new TypeReference<>() {});
      return items.stream().map(item -> new CheckInService.Heard(
          item.get("personId") == null ? null : ((Number) item.get("personId")).longValue(),
          (String) item.get("outcome"), (String) item.get("need"), (String) item.get("needCategory"))).toList();
    } catch (Exception e) {
      throw new InvalidInputException(CheckInProcess.PEOPLE, "is not the list this task gave out");
    }
  }
}
