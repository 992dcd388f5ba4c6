package org.gridaid.shared.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.Problems.FieldError;

/**
 * A task form a listener refused. Tasklist shows this message as it is, so it names each
 * field by its Chinese label (and its variable); the task stays open.
 *
 * <p>The engine wraps whatever a listener throws, and its REST API answers every wrapped
 * exception with 500; so a refusal is also remembered on its thread, where {@link EngineApiGuard}
 * finds it and answers the caller's 400 instead.
 */
public final class FormRefused extends ProcessEngineException {

  private static final ThreadLocal<FormRefused> RAISED = new ThreadLocal<>();

  private final List<FieldError> errors;

  /** {@code labels}: variable name (or the last part of a path like entries[0].need) to label. */
  public FormRefused(InvalidInputException cause, Map<String, String> labels) {
    super("表单有误, 请修改后再提交: " + String.join("; ", cause.errors().stream()
        .map(e -> label(e.field(), labels) + " (" + e.field() + ") " + e.message()).toList()), cause);
    this.errors = cause.errors();
    RAISED.set(this);
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The refusal raised on this thread since the last call, if any; forgets it. */
  static Optional<FormRefused> takeRaised() {
    FormRefused raised = RAISED.get();
    RAISED.remove();
    return Optional.ofNullable(raised);
  }

  private static String label(String field, Map<String, String> labels) {
    String last = field.substring(field.lastIndexOf('.') + 1);
    return labels.getOrDefault(field, labels.getOrDefault(last, field));
  }
}
