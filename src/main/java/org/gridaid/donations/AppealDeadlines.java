package org.gridaid.donations;

import io.holunda.camunda.bpm.data.CamundaBpmData;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every open appeal's deadline is a timer of its own process (appeal-deadline.bpmn), started in
 * the transaction that opens the appeal and ended in the one that closes it early. Appeals opened
 * before the process existed have none: they close when somebody closes them, as before. Called
 * from REST (no engine user) or from a listener (custom code, which the engine runs without the
 * user's authorization check), so neither needs rights on this process.
 */
@Component
class AppealDeadlines {

  private final RuntimeService runtime;

  AppealDeadlines(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Starts the appeal's deadline process; returns the appeal. */
  @Transactional(propagation = Propagation.MANDATORY)
  Appeal watch(Appeal appeal) {
    runtime.startProcessInstanceByKey(AppealDeadlineProcess.KEY, AppealTargetProcess.businessKey(appeal.id()),
        CamundaBpmData.builder()
            .set(AppealDeadlineProcess.APPEAL_ID, appeal.id())
            .set(AppealDeadlineProcess.APPEAL_DEADLINE, Date.from(appeal.deadline()))
            .set(AppealDeadlineProcess.APPEAL_GROUPS, appeal.decidingGroups())
            .build());
    return appeal;
  }

  /**
   * The appeal was closed before its deadline's decision: its process ends at once, its task (if
   * the deadline passed meanwhile) with it. Nothing for an appeal without one.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void closed(long appealId) {
    runtime.createMessageCorrelation(AppealDeadlineProcess.MESSAGE_CLOSED)
        .processInstanceBusinessKey(AppealTargetProcess.businessKey(appealId))
        .correlateAllWithResult();
  }
}
