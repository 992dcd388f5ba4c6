package org.gridaid.shared.web;

import java.util.List;
import org.gridaid.shared.web.Problems.FieldError;

/** Input that passed the annotations but breaks a rule of the domain: answered with 400. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public InvalidInputException(List<FieldError> errors) {
    super(String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
