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
import org.gridaid.shared.PhoneNumbers;

/**
 * A mainland mobile or landline number as {@link PhoneNumbers#normalise} reads it. Empty is
 * valid: a required number carries {@code @NotBlank} as well.
 */
@Documented
@Constraint(validatedBy = PhoneNumberValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PhoneNumber {

  String message() default "must be a mainland mobile (11 digits) or landline number";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
