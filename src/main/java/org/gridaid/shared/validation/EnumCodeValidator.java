package org.gridaid.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

public class EnumCodeValidator implements ConstraintValidator<EnumCode, CharSequence> {

  private Class<? extends Enum<?>> type;

  @Override
  public void initialize(EnumCode annotation) {
    type = annotation.value();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null || find(type, value.toString()) != null) {
      return true;
    }
    context.unwrap(HibernateConstraintValidatorContext.class)
        .addMessageParameter("codes", List.of(type.getEnumConstants()).toString());
    return false;
  }

  /** The constant {@code text} names, by code in any case or by label; null when none does. */
  public static <E extends Enum<?>> E find(Class<E> type, String text) {
    if (text == null) {
      return null;
    }
    String code = text.strip();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(code)
          || constant instanceof Labelled labelled && labelled.label().equals(code)) {
        return constant;
      }
    }
    return null;
  }
}
