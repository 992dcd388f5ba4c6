package org.gridaid.helprequest;

import static org.gridaid.helprequest.HelpRequestProcess.Forms.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormTaskListener;

/**
 * What every task of the help-request process does ({@link FormTaskListener}): its form shows the
 * case and its deadlines when it is created.
 */
abstract class HelpRequestTaskListener extends FormTaskListener {

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
    super(FIELD_LABELS, HelpRequestProcess.Forms.NAMES);
    this.service = service;
  }

  @Override
  protected long caseId(String businessKey) {
    return Long.parseLong(businessKey);
  }

  @Override
  protected void created(DelegateTask task, long id) {
    HelpRequestProcess.setSummary(task, service.get(id), service.now());
  }
}
