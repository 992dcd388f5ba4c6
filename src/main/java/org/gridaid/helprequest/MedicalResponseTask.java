package org.gridaid.helprequest;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.springframework.stereotype.Component;

/** 医疗组出诊: the medical team's note goes on the timeline. */
@Component("medicalResponseTask")
class MedicalResponseTask extends HelpRequestTaskListener {

  MedicalResponseTask(HelpRequestService service) {
    super(service);
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    service.medicalTeamResponded(id, actor, FormVariables.read(HelpRequestProcess.Forms.MEDICAL_NOTE, task));
  }
}
