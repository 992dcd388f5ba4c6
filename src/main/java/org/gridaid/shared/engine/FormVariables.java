package org.gridaid.shared.engine;

import io.holunda.camunda.bpm.data.adapter.WrongVariableTypeException;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.delegate.VariableScope;
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
}
