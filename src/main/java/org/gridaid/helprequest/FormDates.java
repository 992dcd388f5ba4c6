package org.gridaid.helprequest;

import java.time.Duration;
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

  /** A length of time as staff read it: 2天3小时, 45分钟. */
  static String duration(Duration length) {
    long minutes = length.toMinutes();
    if (minutes == 0) {
      return "0分钟";
    }
    StringBuilder text = new StringBuilder();
    if (minutes >= 1440) {
      text.append(minutes / 1440).append("天");
    }
    if (minutes % 1440 >= 60) {
      text.append(minutes % 1440 / 60).append("小时");
    }
    if (minutes % 60 > 0) {
      text.append(minutes % 60).append("分钟");
    }
    return text.toString();
  }
}
