package org.gridaid.shared;

/**
 * A piece of personal data (a name with a phone, a phone, an address, what a resident said
 * about their health) as an aggregate holds it: plain in memory, encrypted with the
 * {@link PersonalDataCipher} in its column. Spring Data JDBC converts it on the way in and out
 * (see {@code shared.jdbc.PersonalDataConversions}); {@link #toString()} never shows the value,
 * so it stays out of logs.
 */
public record Encrypted(String value) {

  /** Null for a missing value, so an optional field stays null in the database too. */
  public static Encrypted of(String value) {
    return value == null ? null : new Encrypted(value);
  }

  public static String valueOf(Encrypted encrypted) {
    return encrypted == null ? null : encrypted.value();
  }

  @Override
  public String toString() {
    return "Encrypted[***]";
  }
}
