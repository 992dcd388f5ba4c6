package org.gridaid.helprequest;

import static org.gridaid.helprequest.HelpRequestProcess.*;
import static org.gridaid.helprequest.HelpRequestProcess.Forms.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The human tasks of the help-request process hand what happens to the case service: who
 * took the case, what they did, escalations, call-backs. A refused form keeps the task open.
 */
@Component("helpRequestTasks")
class HelpRequestTasks implements TaskListener {

  private final HelpRequestService service;

  HelpRequestTasks(HelpRequestService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = CaseVariables.caseId(task.getExecution().getProcessBusinessKey());
    try {
      switch (task.getEventName()) {
        case EVENTNAME_CREATE -> created(task, id);
        case EVENTNAME_ASSIGNMENT -> assigned(task, id);
        case EVENTNAME_COMPLETE -> completed(task, id);
        default -> { }
      }
    } catch (InvalidInputException e) {
      throw new FormRefused(e, FIELD_LABELS);
    }
  }

  private static final Map<String, String> FIELD_LABELS = Map.of(
      OUTCOME, "处置结果", ACTION_TAKEN, "处置情况", TRANSFERRED_TO, "转交部门", HOLD_REASON, "暂缓原因",
      RESUME_AT, "约定恢复时间", NEW_GRID_CODE, "改派网格编码", PICKED_GRID_CODE, "网格编码");

  private void created(DelegateTask task, long id) {
    EscalationLevel level = EscalationLevel.ofTask(task.getTaskDefinitionKey());
    if (level != null) {
      service.escalate(id, level);
    }
    HelpRequest request = service.get(id);
    if (level != null && level != EscalationLevel.GRID_LEADER) {
      Instant due = request.escalatedAt().plus(Deadlines.parse(request.escalateEvery()));
      task.setDueDate(Date.from(due));
    }
    CaseVariables.setSummary(task.getExecution(), request);
    if (TASK_CALLBACK.equals(task.getTaskDefinitionKey())) {
      int attempt = request.callbackAttempts() + 1;
      task.getExecution().setVariable(DEADLINES, "第 " + attempt + " 次回访, 请于 "
          + FormDates.format(task.getDueDate().toInstant()) + " 前完成 (最多 " + HelpRequestService.CALLBACK_TRIES
          + " 次)");
    }
  }

  private void assigned(DelegateTask task, long id) {
    if (TASK_HANDLE_REQUEST.equals(task.getTaskDefinitionKey()) && task.getAssignee() != null
        && service.respond(id, task.getAssignee())) {
      task.getExecution().setVariable(RESPONDED, true);
    }
  }

  private void completed(DelegateTask task, long id) {
    String actor = CaseVariables.actor(task.getAssignee());
    switch (task.getTaskDefinitionKey()) {
      case TASK_PICK_GRID -> CaseVariables.setRouting(task.getExecution(),
          service.assignGrid(id, (String) task.getVariable(PICKED_GRID_CODE), actor));
      case TASK_HANDLE_REQUEST -> handled(task, id, actor);
      case TASK_MEDICAL_RESPONSE -> service.medicalTeamResponded(id, actor, (String) task.getVariable(MEDICAL_NOTE));
      case TASK_CALLBACK -> calledBack(task, id, actor);
      default -> {
        EscalationLevel level = EscalationLevel.ofTask(task.getTaskDefinitionKey());
        if (level != null) {
          service.supervise(id, level, actor, (String) task.getVariable(SUPERVISION_NOTE));
        }
      }
    }
  }

  private void handled(DelegateTask task, long id, String actor) {
    var handling = new HelpRequestService.Handling((String) task.getVariable(OUTCOME),
        (String) task.getVariable(ACTION_TAKEN), (String) task.getVariable(TRANSFERRED_TO),
        (String) task.getVariable(HOLD_REASON), task.getVariable(RESUME_AT), (String) task.getVariable(NEW_GRID_CODE));
    Outcome outcome = service.recordHandling(id, handling, actor);
    var process = task.getExecution();
    process.setVariable(RESPONDED, true);
    process.setVariable(HANDLED_BY, actor);
    if (outcome == Outcome.ON_HOLD) {
      process.setVariable(RESUME_AT, Date.from(service.get(id).holdUntil()));
    }
    if (outcome.finishesHandling()) {
      process.setVariable(CALLBACK_DUE, Date.from(HelpRequestService.now().plus(HelpRequestService.CALLBACK_WITHIN)));
    }
  }

  private void calledBack(DelegateTask task, long id, String actor) {
    var result = service.recordCallback(id, Boolean.TRUE.equals(task.getVariable(CALLBACK_REACHED)),
        Boolean.TRUE.equals(task.getVariable(RESIDENT_SATISFIED)), (String) task.getVariable(CALLBACK_NOTE), actor);
    var process = task.getExecution();
    process.setVariable(CALLBACK_RESULT, result.result().name());
    if (result.nextCallbackDue() != null) {
      process.setVariable(CALLBACK_DUE, Date.from(result.nextCallbackDue()));
    }
    if (result.newResolutionDue() != null) {
      process.setVariable(RESOLUTION_DUE, Date.from(result.newResolutionDue()));
    }
  }
}
