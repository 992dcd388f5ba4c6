package org.gridaid.donations;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;

/**
 * The first step of a process the donation desk starts from a form in Tasklist: records what the
 * form says (the gift, the pledge), or refuses the form naming its fields by their Chinese
 * labels, which starts nothing. A process started over REST was recorded before: nothing to do.
 */
abstract class DeskStartForm implements JavaDelegate {

  private final Map<String, String> labels;
  private final String appealField;

  DeskStartForm(Map<String, String> labels, String appealField) {
    this.labels = labels;
    this.appealField = appealField;
  }

  /** Records the form's gift or pledge, and gives the process its business key and variables. */
  abstract void record(DelegateExecution execution);

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getProcessBusinessKey() != null) {
      return;
    }
    try {
      record(execution);
    } catch (InvalidInputException e) {
      throw new FormRefused(e, labels);
    } catch (NotFoundException e) {
      throw new FormRefused(new InvalidInputException(appealField, "is not a known appeal"), labels);
    } catch (ConflictException e) {
      throw new FormRefused(new InvalidInputException(appealField, "is closed and takes nothing more"), labels);
    }
  }
}
