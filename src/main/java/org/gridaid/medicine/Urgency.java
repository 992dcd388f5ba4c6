package org.gridaid.medicine;

import org.gridaid.shared.validation.Labelled;

/** How soon: an urgent delivery's tasks come first in every list. */
public enum Urgency implements Labelled {
  URGENT("加急", 80),
  NORMAL("普通", 50);

  private final String label;
  private final int taskPriority;

  Urgency(String label, int taskPriority) {
    this.label = label;
    this.taskPriority = taskPriority;
  }

  @Override
  public String label() {
    return label;
  }

  int taskPriority() {
    return taskPriority;
  }
}
