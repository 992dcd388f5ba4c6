package org.gridaid.shared;

/** Text as people type it into forms and files. */
public final class Texts {

  private Texts() {}

  /** The text without surrounding blanks, or null when there is nothing but blanks. */
  public static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
