package org.gridaid.helprequest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.EnumCodeValidator;

/**
 * What the grid worker's handling form (handle-help-request.form) sends, and the phone app's
 * hold. Which other fields are required depends on the outcome (see
 * {@link HelpRequestService#recordHandling}).
 *
 * @param resumeAt a date from Tasklist's datetime field, or text such as 2026-11-23T15:00+08:00
 */
record HandlingForm(
    @NotBlank(message = "is required") @EnumCode(HandlingOutcome.class) String outcome,
    @Size(max = 2000, message = "must be at most 2000 characters") String actionTaken,
    @Size(max = 100, message = "must be at most 100 characters") String transferredTo,
    @Size(max = 500, message = "must be at most 500 characters") String holdReason,
    Object resumeAt,
    String newGridCode) {

  HandlingOutcome outcomeValue() {
    return EnumCodeValidator.find(HandlingOutcome.class, outcome);
  }
}
