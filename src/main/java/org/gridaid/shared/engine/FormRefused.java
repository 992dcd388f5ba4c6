package org.gridaid.shared.engine;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.gridaid.shared.web.InvalidInputException;

/**
 * A task form a listener refused. Tasklist shows this message as it is, so it names each
 * field by its Chinese label (and its variable); the task stays open.
 */
public final class FormRefused extends ProcessEngineException {

  /** {@code labels}: variable name (or the last part of a path like entries[0].need) to label. */
  public FormRefused(InvalidInputException cause, Map<String, String> labels) {
    super("表单有误, 请修改后再提交: " + String.join("; ", cause.errors().stream()
        .map(e -> label(e.field(), labels) + " (" + e.field() + ") " + e.message()).toList()), cause);
  }

  private static String label(String field, Map<String, String> labels) {
    String last = field.substring(field.lastIndexOf('.') + 1);
    return labels.getOrDefault(field, labels.getOrDefault(last, field));
  }
}
