package org.gridaid.shared.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holunda.camunda.bpm.data.adapter.WrongVariableTypeException;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridaid.shared.web.InvalidInputException;

/**
 * Reads what a form (or an /engine-rest caller completing a task) submitted through its typed
 * declaration: a missing value is null, a value of another type is the caller's error, named by
 * the field, not an engine failure.
 */
public final class FormVariables {

  private FormVariables() {}

  public static <T> T read(VariableFactory<T> variable, VariableScope scope) {
    try {
      return variable.from(scope).getOrNull();
    } catch (WrongVariableTypeException e) {
      throw new InvalidInputException(variable.getName(), "has the wrong type");
    }
  }

  /**
   * A yes/no choice: "true" or "false" from a Tasklist radio, a boolean from an API caller; null
   * when it was not answered.
   */
  public static Boolean readYesOrNo(VariableFactory<Object> variable, VariableScope scope) {
    Object answer = read(variable, scope);
    if (answer == null || answer instanceof Boolean) {
      return (Boolean) answer;
    }
    return switch (answer.toString()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidInputException(variable.getName(), "must be true or false");
    };
  }

  /**
   * A form-js dynamic list a task's form submitted: its rows, each a map of the row's fields; null
   * when it was not sent. The list's rows were handed to the form as a task-local variable of the
   * same name. Tasklist's form submission writes over that variable; a completion through the
   * task API ({@code TaskService.complete}, /engine-rest) sets the process's variable instead,
   * which the task-local one would hide: that one is read first.
   */
  public static List<Map<String, Object>> readSubmittedRows(VariableFactory<Object> variable, DelegateTask task,
      ObjectMapper json) {
    Object value = read(variable, task.getExecution());
    return rows(variable, value != null ? value : read(variable, task), json);
  }

  /**
   * A form-js dynamic list as the form submits it (JSON) or an API caller sends it (a list): its
   * rows, each a map of the row's fields; null when it was not sent.
   */
  public static List<Map<String, Object>> readRows(VariableFactory<Object> variable, VariableScope scope,
      ObjectMapper json) {
    return rows(variable, read(variable, scope), json);
  }

  private static List<Map<String, Object>> rows(VariableFactory<Object> variable, Object value, ObjectMapper json) {
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof List<?> list) {
        return json.convertValue(list, new TypeReference<List<Map<String, Object>>>() {});
      }
      return json.readValue(String.valueOf(value), new TypeReference<List<Map<String, Object>>>() {});
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw new InvalidInputException(variable.getName(), "must be a list of rows");
    }
  }

  /**
   * Hands a form-js dynamic list its rows: a task-local JSON variable of the list's name, which
   * the form shows and submits back ({@link #readSubmittedRows}).
   */
  public static void offerRows(DelegateTask task, VariableFactory<Object> variable, List<?> rows,
      ObjectMapper json) {
    try {
      task.setVariableLocal(variable.getName(), SpinValues.jsonValue(json.writeValueAsString(rows)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The rows of " + variable.getName() + " could not be written", e);
    }
  }
}
