package org.gridaid.register;

import java.util.regex.Pattern;

/** Mainland resident ID numbers (GB 11643): 17 digits and a check character. */
final class IdNumbers {

  private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private IdNumbers() {}

  /** The number in upper case, or null when it is not a valid ID number. */
  static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String id = raw.strip().toUpperCase();
    if (!FORMAT.matcher(id).matches()) {
      return null;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11) == id.charAt(17) ? id : null;
  }

  /** 4407**********123X: region and last four only. */
  static String mask(String id) {
    return id == null || id.length() < 8 ? null : id.substring(0, 4) + "*".repeat(id.length() - 8)
        + id.substring(id.length() - 4);
  }

  /** A valid number for tests and demo data: the given 17 digits with their check character. */
  static String withCheck(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK.charAt(sum % 11);
  }
}
