package org.gridaid.donations;

import io.holunda.camunda.bpm.data.CamundaBpmData;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What gifts and pledges do to an appeal's counters, in the transaction of the command that
 * records them: a pledge counts only while the appeal is open (409 once it is closed), received
 * counts whenever it arrives. The first pledge that brings the appeal to its target records when.
 */
@Component
class AppealProgress {

  private final Appeals appeals;
  private final RuntimeService runtime;
  private final Clock clock;

  AppealProgress(Appeals appeals, RuntimeService runtime, Clock clock) {
    this.appeals = appeals;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * The appeal a pledge or gift names, if it takes {@code kind}: 400 naming {@code field} for an
   * appeal nobody knows or of the other kind.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Appeal appeal(long appealId, AppealKind kind, String field) {
    Appeal appeal = appeals.find(appealId)
        .orElseThrow(() -> new InvalidInputException(field, "is not a known appeal"));
    if (appeal.kind() != kind) {
      throw new InvalidInputException(field, "is an appeal for " + appeal.kind().label() + ", not "
          + kind.label());
    }
    return appeal;
  }

  /**
   * Counts a pledge of {@code amount} (fen or units); 409 if the appeal is closed. The pledge that
   * brings the appeal to its target tells the desk, once (appeal-target-reached.bpmn).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void pledge(long appealId, long amount) {
    if (!appeals.pledge(appealId, amount)) {
      throw new ConflictException("The appeal is closed and takes no more pledges");
    }
    if (appeals.markTargetReached(appealId, clock.instant())) {
      Appeal appeal = appeals.find(appealId).orElseThrow();
      Appeals.Progress now = appeals.progress(appealId);
      String unit = appeal.kind() == AppealKind.MONEY ? "元" : "";
      String summary = appeal.title() + " · 目标 " + AppealService.amount(appeal, appeal.target()) + unit
          + " · 已认捐 " + AppealService.amount(appeal, now.pledged()) + unit + " (" + now.pledges() + " 笔)";
      runtime.startProcessInstanceByKey(AppealTargetProcess.KEY, AppealTargetProcess.businessKey(appealId), CamundaBpmData.builder()
          .set(AppealTargetProcess.APPEAL_ID, appealId)
          .set(AppealTargetProcess.APPEAL_SUMMARY, summary)
          .set(AppealTargetProcess.APPEAL_GROUPS, appeal.decidingGroups())
          .build());
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void withdraw(long appealId, long amount) {
    appeals.unpledge(appealId, amount);
  }

  /** What was pledged arrived. */
  @Transactional(propagation = Propagation.MANDATORY)
  void receive(long appealId, long amount) {
    appeals.receive(appealId, amount);
  }

  /** A refund or a correction of money that arrived: pledged and received change by {@code delta} (signed). */
  @Transactional(propagation = Propagation.MANDATORY)
  void correct(long appealId, long delta) {
    appeals.correct(appealId, delta);
  }
}
