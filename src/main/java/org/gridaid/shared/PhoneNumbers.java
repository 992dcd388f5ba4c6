package org.gridaid.shared;

import java.util.regex.Pattern;

/** Chinese mobile (13812345678) and landline (0750-1234567) numbers: checking and masking. */
public final class PhoneNumbers {

  private static final Pattern VALID = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

  private PhoneNumbers() {}

  /** The number without spaces, or null when it is not a Chinese mobile or landline number. */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String compact = raw.replace(" ", "").replaceFirst("^\\+?86(?=1)", "");
    return VALID.matcher(compact).matches() ? compact : null;
  }

  /** 138****5678: enough for the caller to recognise, not enough to call. */
  public static String mask(String phone) {
    if (phone == null || phone.length() < 7) {
      return "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }
}
