package org.gridaid.register;

import org.gridaid.shared.validation.Labelled;

/** Which care pack a household gets in a distribution campaign. */
public enum RecipientGroup implements Labelled {
  HARDSHIP("困难户"),
  QUARANTINED("隔离户"),
  /** Households of contact-tracing staff (流调人员), who get what quarantined households get. */
  TRACING_STAFF("流调人员"),
  ORDINARY("普通户");

  private final String label;

  RecipientGroup(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
