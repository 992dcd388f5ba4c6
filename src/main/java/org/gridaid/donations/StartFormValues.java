package org.gridaid.donations;

import static org.gridaid.shared.Texts.trimmed;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.Problems.FieldError;

/**
 * The numbers, amounts and dates of the desk's start forms, read as a form or an /engine-rest
 * caller sends them (text or number); what cannot be read is collected by field and refused
 * together, before the command's own checks.
 */
final class StartFormValues {

  private final VariableScope scope;
  private final List<FieldError> errors = new ArrayList<>();

  StartFormValues(VariableScope scope) {
    this.scope = scope;
  }

  /** A whole number; null when left empty. */
  Long whole(VariableFactory<Object> variable) {
    Object value = FormVariables.read(variable, scope);
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      errors.add(new FieldError(variable.getName(), "must be a whole number"));
      return null;
    }
  }

  /** A whole number as an int: one beyond int's range is kept at its end, for the command's range check to refuse. */
  Integer count(VariableFactory<Object> variable) {
    Long whole = whole(variable);
    return whole == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, whole));
  }

  /** {@code value}, refused as missing when it is null and was not refused already. */
  <T> T required(VariableFactory<?> variable, T value) {
    if (value == null && errors.stream().noneMatch(e -> e.field().equals(variable.getName()))) {
      errors.add(new FieldError(variable.getName(), "is required"));
    }
    return value;
  }

  /** Yuan as typed, exactly: never through a floating point. */
  BigDecimal yuan(VariableFactory<Object> variable) {
    String text = text(FormVariables.read(variable, scope));
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      errors.add(new FieldError(variable.getName(), "must be an amount in yuan, like 1280.50"));
      return null;
    }
  }

  /** A day as yyyy-MM-dd (what a form-js date field submits). */
  LocalDate day(VariableFactory<Object> variable) {
    String text = text(FormVariables.read(variable, scope));
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(variable.getName(), "must be a date like 2026-12-01"));
      return null;
    }
  }

  Boolean yesOrNo(VariableFactory<Object> variable) {
    return FormVariables.readYesOrNo(variable, scope);
  }

  /** Refuses what could not be read. */
  void orThrow() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private static String text(Object value) {
    // Double 12.5 prints as "12.5": BigDecimal reads it exactly as typed
    return value == null ? null : trimmed(value.toString());
  }
}
