package org.gridaid.medicine;

import org.gridaid.shared.validation.Labelled;

/** The prescription check's answer for one line; lines of over-the-counter items need none. */
public enum LineDecision implements Labelled {
  NOT_NEEDED("无需审核"),
  PENDING("待审核"),
  APPROVED("同意"),
  CHANGED("调整数量"),
  REFUSED("不同意");

  private final String label;

  LineDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The answers a prescriber gives. */
  boolean isAnswer() {
    return this == APPROVED || this == CHANGED || this == REFUSED;
  }
}
