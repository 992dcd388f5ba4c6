package org.gridaid.shared.engine;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridaid.shared.web.InvalidInputException;

/**
 * What every task of a flow does with its Camunda Form: it shows the case when it is created,
 * and hands what the form sent to the case when it is completed. A form the case refuses keeps
 * the task open, each field at fault named in Chinese. What a form sent is removed from the
 * process once the case has it: left there, it would fill the next form of the case (after a
 * hold, a reroute, a send-back) with the last round's answers.
 */
public abstract class FormTaskListener implements TaskListener {

  private final Map<String, String> fieldLabels;
  private final List<String> formFields;

  /**
   * @param fieldLabels the Chinese label of each form field, as a refusal names it
   * @param formFields every field the flow's forms submit
   */
  protected FormTaskListener(Map<String, String> fieldLabels, List<String> formFields) {
    this.fieldLabels = fieldLabels;
    this.formFields = formFields;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = caseId(task.getExecution().getProcessBusinessKey());
    try {
      switch (task.getEventName()) {
        case EVENTNAME_CREATE -> created(task, id);
        case EVENTNAME_ASSIGNMENT -> assigned(task, id);
        case EVENTNAME_COMPLETE -> {
          completed(task, id, EngineUsers.current(task, task.getAssignee()));
          task.getExecution().removeVariables(formFields);
        }
        default -> { }
      }
    } catch (InvalidInputException e) {
      throw new FormRefused(e, fieldLabels);
    }
  }

  /** The id of the case, delivery or campaign the process's business key names. */
  protected abstract long caseId(String businessKey);

  protected abstract void created(DelegateTask task, long id);

  protected void assigned(DelegateTask task, long id) {
    // most tasks do nothing when claimed
  }

  protected abstract void completed(DelegateTask task, long id, String actor);
}
