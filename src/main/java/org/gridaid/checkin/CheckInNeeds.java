package org.gridaid.checkin;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the module that takes a {@link CheckInNeedReported} may ask and answer. */
@Service
public class CheckInNeeds {

  private final CheckInRounds rounds;

  CheckInNeeds(CheckInRounds rounds) {
    this.rounds = rounds;
  }

  /** What the worker wrote down about the need. */
  @Transactional(readOnly = true)
  public Optional<String> need(long entryId) {
    return rounds.need(entryId);
  }

  /** The need became this help request: the round's entry shows it. */
  @Transactional
  public void helpRequestFiled(long entryId, long helpRequestId) {
    rounds.linkHelpRequest(entryId, helpRequestId);
  }
}
