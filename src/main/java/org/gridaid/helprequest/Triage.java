package org.gridaid.helprequest;

import java.time.Duration;
import java.util.Map;

/**
 * What the triage table (help-request-triage.dmn) decided: priority, deadlines counted from
 * intake, how long each escalation level has, and whether the medical team is alerted.
 */
record Triage(String priority, Duration responseWithin, Duration resolveWithin, String escalateEvery,
    boolean alertMedicalTeam) {

  /** The table's single result, by its output names. */
  static Triage of(Map<String, Object> result) {
    return new Triage((String) result.get("priority"), Deadlines.parse((String) result.get("responseWithin")),
        Deadlines.parse((String) result.get("resolveWithin")), (String) result.get("escalateEvery"),
        Boolean.TRUE.equals(result.get("alertMedicalTeam")));
  }

  /** Tasklist sorts by priority: P1 on top. */
  static int taskPriority(String priority) {
    return switch (priority == null ? "" : priority) {
      case "P1" -> 100;
      case "P2" -> 75;
      case "P3" -> 50;
      default -> 25;
    };
  }

  /** P1 and P2: a life at risk, medicine running out, someone alone. */
  static boolean isUrgent(String priority) {
    return "P1".equals(priority) || "P2".equals(priority);
  }
}
