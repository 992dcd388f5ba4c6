package org.gridaid.helprequest;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Predicate;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.FormCheck;

/**
 * What the grid worker's handling form (handle-help-request.form) sends, and the phone app's
 * hold. Which other fields are required depends on the outcome.
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

  /** The form once every field at fault was refused: what the case needs of it. */
  record Checked(HandlingOutcome outcome, String actionTaken, String transferredTo, String holdReason,
      Instant resumeAt) {}

  /**
   * Every fault at once, named by field; {@code knownGrid} tells a grid code the register knows,
   * {@code holdTimeLeft} how long the case may still be on hold.
   */
  Checked check(Validator validator, Predicate<String> knownGrid, Duration holdTimeLeft, Instant now) {
    FormCheck check = FormCheck.of(validator, this);
    HandlingOutcome result = check.failed("outcome") ? null : EnumCodeValidator.find(HandlingOutcome.class, outcome);
    String action = trimmed(actionTaken);
    Instant resume = null;
    if (result != null && result != HandlingOutcome.ON_HOLD && action == null) {
      check.reject("actionTaken", "is required");
    }
    if (result == HandlingOutcome.TRANSFERRED && trimmed(transferredTo) == null) {
      check.reject("transferredTo", "is required");
    }
    if (result == HandlingOutcome.ON_HOLD) {
      if (trimmed(holdReason) == null) {
        check.reject("holdReason", "is required");
      }
      resume = resumeAt(now, holdTimeLeft, check);
    }
    if (result == HandlingOutcome.REROUTE && (trimmed(newGridCode) == null || !knownGrid.test(newGridCode.strip()))) {
      check.reject("newGridCode", "is not a known grid");
    }
    check.orThrow();
    return new Checked(result, action, trimmed(transferredTo), trimmed(holdReason), resume);
  }

  private Instant resumeAt(Instant now, Duration holdTimeLeft, FormCheck check) {
    Instant at;
    if (resumeAt instanceof Date date) {
      at = date.toInstant();
    } else if (resumeAt instanceof String text && !text.isBlank()) {
      try {
        at = FormDates.parse(text);
      } catch (DateTimeParseException e) {
        check.reject("resumeAt", "must be a date and time such as 2026-11-23T15:00+08:00");
        return null;
      }
    } else {
      check.reject("resumeAt", "is required when putting a case on hold");
      return null;
    }
    Instant latest = now.plus(holdTimeLeft);
    if (!at.isAfter(now) || at.isAfter(latest)) {
      check.reject("resumeAt", "must be in the future and no later than " + FormDates.format(latest)
          + ": what is left of the longest time a case may be on hold in all");
    }
    return at;
  }
}
