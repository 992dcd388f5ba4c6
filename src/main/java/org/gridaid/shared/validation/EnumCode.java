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
 * Text naming a constant of {@link #value()}: its code in any case or, for a {@link Labelled}
 * enum, its label, as people write either in files. Null is valid. {@code {codes}} in the
 * message lists the codes; {@link EnumCodeValidator#find} reads the text once it is valid.
 */
@Documented
@Constraint(validatedBy = EnumCodeValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface EnumCode {

  Class<? extends Enum<?>> value();

  String message() default "must be one of {codes}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
