package org.gridaid.medicine;

import java.util.Map;

/** Reads a field of a dynamic list's row as form-js sends it: numbers as numbers or text. */
final class FormRows {

  private FormRows() {}

  static String text(Map<String, Object> row, String field) {
    Object value = row.get(field);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** A whole number, or null when it is missing or not a whole number. */
  static Integer number(Map<String, Object> row, String field) {
    Object value = row.get(field);
    if (value instanceof Number number) {
      double exact = number.doubleValue();
      return exact == Math.rint(exact) && Math.abs(exact) < 1_000_000 ? (int) exact : null;
    }
    String text = text(row, field);
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
