package org.gridaid.donations;

import java.time.Clock;
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
  private final Clock clock;

  AppealProgress(Appeals appeals, Clock clock) {
    this.appeals = appeals;
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

  /** Counts a pledge of {@code amount} (fen or units); 409 if the appeal is closed. */
  @Transactional(propagation = Propagation.MANDATORY)
  void pledge(long appealId, long amount) {
    if (!appeals.pledge(appealId, amount)) {
      throw new ConflictException("The appeal is closed and takes no more pledges");
    }
    appeals.markTargetReached(appealId, clock.instant());
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
