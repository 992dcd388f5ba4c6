package org.gridaid.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.gridaid.shared.PhoneNumbers;

public class PhoneNumberValidator implements ConstraintValidator<PhoneNumber, CharSequence> {

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || value.toString().isBlank() || PhoneNumbers.normalise(value.toString()) != null;
  }
}
