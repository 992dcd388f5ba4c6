package org.gridaid.shared;

import java.util.regex.Pattern;

/** Chinese mobile (13812345678) and landline (0750-1234567) numbers: checking and masking. */
public final class PhoneNumbers {

  private static final Pattern VALID = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
  /** China's country code before a mobile number; compiled once (every form and import row asks). */
  private static final Pattern COUNTRY_CODE = Pattern.compile("^\\+?86(?=1)");

  private PhoneNumbers() {}

  /** The number without spaces, or null when it is not a Chinese mobile or landline number. */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String compact = COUNTRY_CODE.matcher(raw.replace(" ", "")).replaceFirst("");
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
