package org.gridaid.helprequest;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.gridaid.medicine.MedicineDeliveryEnded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A help request that needed medicine waits at 等待送药 until the delivery it asked for is over;
 * then the hotline calls back, within the usual time from now. Sent again after a failure, this
 * finds nothing waiting the second time and does nothing.
 */
@Component
class MedicineDeliveryOutcome {

  private final RuntimeService runtime;
  private final HelpRequestService service;

  MedicineDeliveryOutcome(RuntimeService runtime, HelpRequestService service) {
    this.runtime = runtime;
    this.service = service;
  }

  @ApplicationModuleListener
  void on(MedicineDeliveryEnded ended) {
    runtime.createMessageCorrelation(HelpRequestProcess.MESSAGE_MEDICINE_DELIVERED)
        .processInstanceBusinessKey(String.valueOf(ended.helpRequestId()))
        .setVariable(HelpRequestProcess.CALLBACK_DUE.getName(),
            Date.from(service.now().plus(HelpRequest.CALLBACK_WITHIN)))
        .correlateAllWithResult();
  }
}
