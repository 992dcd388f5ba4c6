package org.gridaid.donations;

import org.gridaid.shared.validation.Labelled;

/** What a money entry is: a gift, or a refund or correction of one (never an edit of it). */
enum EntryKind implements Labelled {
  GIFT("捐赠"),
  REFUND("退款"),
  CORRECTION("更正");

  private final String label;

  EntryKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
