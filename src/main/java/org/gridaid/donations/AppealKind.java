package org.gridaid.donations;

import org.gridaid.shared.validation.Labelled;

/** What an appeal asks for: money (counted in fen) or an item (counted in its unit). */
enum AppealKind implements Labelled {
  MONEY("善款"),
  GOODS("物资");

  private final String label;

  AppealKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
