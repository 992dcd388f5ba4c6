package org.gridaid.helprequest;

/** The levels a case climbs when its deadlines pass, with the task each level gets. */
public enum EscalationLevel {
  GRID_LEADER("网格长", HelpRequestProcess.TASK_GRID_LEADER_FOLLOW_UP),
  COMMUNITY("社区(村)", HelpRequestProcess.TASK_COMMUNITY_FOLLOW_UP),
  STREET("街道", HelpRequestProcess.TASK_STREET_FOLLOW_UP),
  DISTRICT("区指挥部", HelpRequestProcess.TASK_DISTRICT_FOLLOW_UP);

  private final String label;
  private final String taskId;

  EscalationLevel(String label, String taskId) {
    this.label = label;
    this.taskId = taskId;
  }

  public String label() {
    return label;
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
