package org.gridaid.helprequest;

import static org.gridaid.helprequest.HelpRequestProcess.Forms.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.web.InvalidInputException;

/**
 * What every task of the help-request process does: its form shows the case and its deadlines
 * when it is created, and it hands what its form sent to the case when it is completed. A form
 * the case refuses keeps the task open, with each field at fault named in Chinese.
 */
abstract class HelpRequestTaskListener implements TaskListener {

  /** The Chinese label of each form field, as the refusal names it. */
  private static final Map<String, String> FIELD_LABELS = Map.ofEntries(
      Map.entry(OUTCOME.getName(), "处置结果"), Map.entry(ACTION_TAKEN.getName(), "处置情况"),
      Map.entry(TRANSFERRED_TO.getName(), "转交部门"), Map.entry(HOLD_REASON.getName(), "暂缓原因"),
      Map.entry(RESUME_AT.getName(), "约定恢复时间"), Map.entry(NEW_GRID_CODE.getName(), "改派网格"),
      Map.entry(PICKED_GRID_CODE.getName(), "网格"), Map.entry(SUPERVISION_NOTE.getName(), "督办措施"),
      Map.entry(MEDICAL_NOTE.getName(), "出诊及处置情况"), Map.entry(CALLBACK_REACHED.getName(), "已接通"),
      Map.entry(RESIDENT_SATISFIED.getName(), "居民对处置结果是否满意"), Map.entry(CALLBACK_NOTE.getName(), "回访记录"),
      Map.entry(APPROVE_HOLD.getName(), "是否同意暂缓"), Map.entry(APPROVAL_NOTE.getName(), "审批意见"));

  protected final HelpRequestService service;

  HelpRequestTaskListener(HelpRequestService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = Long.parseLong(task.getExecution().getProcessBusinessKey());
    try {
      switch (task.getEventName()) {
        case EVENTNAME_CREATE -> created(task, id);
        case EVENTNAME_ASSIGNMENT -> assigned(task, id);
        case EVENTNAME_COMPLETE -> {
          completed(task, id, EngineUsers.current(task, task.getAssignee()));
          // what the form sent is in the case tables now; left on the process, it would fill
          // the next form of the case (after a hold, a reroute, a send-back) with old answers
          task.getExecution().removeVariables(HelpRequestProcess.Forms.NAMES);
        }
        default -> { }
      }
    } catch (InvalidInputException e) {
      throw new FormRefused(e, FIELD_LABELS);
    }
  }

  void created(DelegateTask task, long id) {
    HelpRequestProcess.setSummary(task, service.get(id), service.now());
  }

  void assigned(DelegateTask task, long id) {
    // most tasks do nothing when claimed
  }

  abstract void completed(DelegateTask task, long id, String actor);
}
