package org.gridaid.helprequest;

import java.time.Duration;
import java.time.Instant;

/** All deadlines of a case at once: first response, resolution and the next escalation. */
record Deadlines(Instant responseDueAt, Instant resolutionDueAt, NextEscalation nextEscalation) {

  record NextEscalation(EscalationLevel level, String levelLabel, Instant at) {}

  static Deadlines of(HelpRequest request) {
    return new Deadlines(request.responseDueAt(), request.resolutionDueAt(), next(request));
  }

  private static NextEscalation next(HelpRequest request) {
    if (request.responseDueAt() == null || !request.status().isOnTheClock()) {
      return null;
    }
    EscalationLevel level = request.escalationLevel();
    if (request.firstResponseAt() == null && level == null) {
      return of(EscalationLevel.GRID_LEADER, request.responseDueAt());
    }
    if (level == null || level == EscalationLevel.GRID_LEADER) {
      return of(EscalationLevel.COMMUNITY, request.resolutionDueAt());
    }
    if (level == EscalationLevel.DISTRICT || request.escalatedAt() == null) {
      return null;
    }
    Instant at = request.nextLevelDue();
    return of(level == EscalationLevel.COMMUNITY ? EscalationLevel.STREET : EscalationLevel.DISTRICT, at);
  }

  private static NextEscalation of(EscalationLevel level, Instant at) {
    return new NextEscalation(level, level.label(), at);
  }

  /** One line for the task forms, in Beijing time. */
  String describe(Instant now) {
    StringBuilder text = new StringBuilder()
        .append("首次响应: ").append(FormDates.format(responseDueAt)).append(overdue(responseDueAt, now))
        .append(" ｜ 办结: ").append(FormDates.format(resolutionDueAt)).append(overdue(resolutionDueAt, now));
    if (nextEscalation != null) {
      text.append(" ｜ 下次升级: ").append(nextEscalation.levelLabel()).append(" ")
          .append(FormDates.format(nextEscalation.at()));
    }
    return text.toString();
  }

  private static String overdue(Instant due, Instant now) {
    return due != null && due.isBefore(now) ? " (已超时)" : "";
  }

  /** ISO-8601 durations as staff write them in the triage table, days (P7D) included. */
  static Duration parse(String iso) {
    String value = iso.strip().toUpperCase();
    int days = value.indexOf('D');
    if (value.startsWith("P") && days > 0) {
      Duration rest = days + 1 < value.length() ? Duration.parse("P" + value.substring(days + 1)) : Duration.ZERO;
      return Duration.ofDays(Long.parseLong(value.substring(1, days))).plus(rest);
    }
    return Duration.parse(value);
  }
}
