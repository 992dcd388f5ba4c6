package org.gridaid.register;

/** Which care pack a household gets in a distribution campaign. */
public enum RecipientGroup {
  HARDSHIP("困难户"),
  QUARANTINED("隔离户"),
  ORDINARY("普通户");

  private final String label;

  RecipientGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
