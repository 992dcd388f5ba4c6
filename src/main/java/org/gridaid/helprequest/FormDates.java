package org.gridaid.helprequest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates as staff type and read them: Beijing time unless the text says otherwise. */
final class FormDates {

  static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(LOCAL);

  private FormDates() {}

  /** 2026-11-23T15:00+08:00, 2026-11-23T07:00:00Z or 2026-11-23T15:00 (Beijing time). */
  static Instant parse(String text) {
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(value).atZone(LOCAL).toInstant();
    }
  }

  static String format(Instant at) {
    return at == null ? "-" : SHORT.format(at);
  }
}
