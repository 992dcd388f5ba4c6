package org.gridaid.shared.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text as people write it: no control characters (NUL, BEL, ESC ...), no invisible direction
 * overrides that make a name read differently from what it is, no broken UTF-16 (which
 * PostgreSQL cannot store). One line (names, addresses, codes) unless {@link #multiline()},
 * which allows line breaks and tabs (descriptions, notes). Null is valid.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

  /** Line breaks and tabs allowed. */
  boolean multiline() default false;

  String message() default "must be {lines} without control characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
