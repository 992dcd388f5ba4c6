package org.gridaid.helprequest;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.springframework.stereotype.Component;

/**
 * 医疗急症督办: the medical team has not answered an emergency by the response deadline, so the
 * district command follows it up; its note goes on the timeline. The case's own escalation
 * (the grid's chain) is not changed by it.
 */
@Component("medicalFollowUpTask")
class MedicalFollowUpTask extends HelpRequestTaskListener {

  MedicalFollowUpTask(HelpRequestService service) {
    super(service);
  }

  @Override
  protected void created(DelegateTask task, long id) {
    super.created(task, id);
    service.medicalTeamOverdue(id);
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    service.supervise(id, EscalationLevel.DISTRICT, actor,
        FormVariables.read(HelpRequestProcess.Forms.SUPERVISION_NOTE, task));
  }
}
