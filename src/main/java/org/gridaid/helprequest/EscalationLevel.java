package org.gridaid.helprequest;

/** The levels a case climbs when its deadlines pass, with the task each level gets. */
public enum EscalationLevel {
  GRID_LEADER("网格长", HelpRequestProcess.TASK_GRID_LEADER_FOLLOW_UP, null),
  COMMUNITY("社区(村)", HelpRequestProcess.TASK_COMMUNITY_FOLLOW_UP, "event_escalatedToCommunity"),
  STREET("街道", HelpRequestProcess.TASK_STREET_FOLLOW_UP, "event_escalatedToStreet"),
  DISTRICT("区指挥部", HelpRequestProcess.TASK_DISTRICT_FOLLOW_UP, "endEvent_escalatedToDistrict");

  private final String label;
  private final String taskId;
  /** The escalation event of the escalation clock that hands the case to this level (none for the grid leader). */
  private final String eventId;

  EscalationLevel(String label, String taskId, String eventId) {
    this.label = label;
    this.taskId = taskId;
    this.eventId = eventId;
  }

  public String label() {
    return label;
  }

  static EscalationLevel ofEscalationEvent(String activityId) {
    for (EscalationLevel level : values()) {
      if (activityId.equals(level.eventId)) {
        return level;
      }
    }
    throw new IllegalArgumentException(activityId + " is no escalation event of the help-request process");
  }

  static EscalationLevel ofTask(String taskDefinitionKey) {
    for (EscalationLevel level : values()) {
      if (level.taskId.equals(taskDefinitionKey)) {
        return level;
      }
    }
    return null;
  }
}
