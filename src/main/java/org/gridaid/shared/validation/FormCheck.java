package org.gridaid.shared.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.Problems.FieldError;

/**
 * Every fault of one form: those its annotations find and those found in code against stored
 * data (is the grid known?), so that the caller hears of all of them at once, field by field
 * in the order the form declares them ({@code phone}, {@code flags[1]}). A field is reported
 * once: give each field constraints that cannot fail together (@NotBlank and @Size do not).
 */
public final class FormCheck {

  /** Each record's component names and their positions, read once per record type. */
  private static final ClassValue<Map<String, Integer>> ORDER = new ClassValue<>() {
    @Override
    protected Map<String, Integer> computeValue(Class<?> type) {
      Map<String, Integer> order = new HashMap<>();
      RecordComponent[] components = type.getRecordComponents();
      for (int i = 0; components != null && i < components.length; i++) {
        order.put(components[i].getName(), i);
      }
      return order;
    }
  };

  private final Class<?> type;
  private final List<FieldError> faults = new ArrayList<>();

  private FormCheck(Class<?> type) {
    this.type = type;
  }

  public static FormCheck of(Validator validator, Object form) {
    return of(validator, form, List.of());
  }

  /**
   * {@code unreadable}: fields whose text could not be read as their type (a CSV cell "many"
   * for a number). They are reported as such, not again as missing.
   */
  public static FormCheck of(Validator validator, Object form, List<FieldError> unreadable) {
    FormCheck check = new FormCheck(form.getClass());
    check.faults.addAll(unreadable);
    for (ConstraintViolation<Object> violation : validator.validate(form)) {
      String field = field(violation.getPropertyPath());
      if (!check.failed(field)) {
        check.faults.add(new FieldError(field, violation.getMessage()));
      }
    }
    return check;
  }

  /** Whether the field is already at fault: a rule that needs it valid need not look. */
  public boolean failed(String field) {
    return faults.stream().anyMatch(f -> f.field().equals(field));
  }

  public FormCheck reject(String field, String message) {
    faults.add(new FieldError(field, message));
    return this;
  }

  /** Throws {@link InvalidInputException} naming every fault, if there is any. */
  public void orThrow() {
    if (faults.isEmpty()) {
      return;
    }
    Map<String, Integer> order = ORDER.get(type);
    throw new InvalidInputException(faults.stream()
        .sorted(Comparator.<FieldError>comparingInt(f -> order.getOrDefault(property(f.field()), order.size()))
            .thenComparingInt(f -> index(f.field())))
        .toList());
  }

  /** The field as the caller sent it: {@code phone}, {@code flags[1]}, {@code items[0].name}. */
  static String field(Path path) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    return field.toString();
  }

  /** {@code flags} of {@code flags[1]}, {@code items} of {@code items.name}. */
  private static String property(String field) {
    int end = 0;
    while (end < field.length() && field.charAt(end) != '[' && field.charAt(end) != '.') {
      end++;
    }
    return field.substring(0, end);
  }

  /** 1 of {@code flags[1]}; -1 for a field that is not an element. */
  private static int index(String field) {
    int open = field.indexOf('[');
    int close = field.indexOf(']');
    if (open < 0 || close < open) {
      return -1;
    }
    try {
      return Integer.parseInt(field.substring(open + 1, close));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
