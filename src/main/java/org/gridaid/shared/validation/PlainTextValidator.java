package org.gridaid.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

  private boolean multiline;

  @Override
  public void initialize(PlainText annotation) {
    multiline = annotation.multiline();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null || isPlain(value, multiline)) {
      return true;
    }
    context.unwrap(HibernateConstraintValidatorContext.class)
        .addMessageParameter("lines", multiline ? "text" : "one line of text");
    return false;
  }

  /** Whether {@code text} is plain text, of one line unless {@code multiline}. */
  public static boolean isPlain(CharSequence text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return false;
      }
      if (Character.isLowSurrogate(c) || !allowed(c, multiline)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allowed(char c, boolean multiline) {
    if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029') {
      return multiline;
    }
    return !Character.isISOControl(c) && !directionControl(c) && c != '\uFFFE' && c != '\uFFFF';
  }

  /** The embedding, override and isolate controls of the bidirectional algorithm. */
  private static boolean directionControl(char c) {
    return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
  }
}
