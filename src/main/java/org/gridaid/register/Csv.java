package org.gridaid.register;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV as spreadsheets write it: quotes, doubled quotes, commas and line breaks in fields. */
final class Csv {

  static final char BOM = '\uFEFF';

  private Csv() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int start = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  static String line(List<String> fields) {
    List<String> escaped = new ArrayList<>();
    for (String value : fields) {
      String v = value == null ? "" : value;
      escaped.add(v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
          ? '"' + v.replace("\"", "\"\"") + '"' : v);
    }
    return String.join(",", escaped) + "\r\n";
  }
}
