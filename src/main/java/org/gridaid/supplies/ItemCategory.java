package org.gridaid.supplies;

import org.gridaid.shared.validation.Labelled;

/** What kind of supply an item is. */
public enum ItemCategory implements Labelled {
  MEDICINE("药品"),
  FOOD("食品"),
  HYGIENE("清洁消毒用品"),
  PROTECTIVE("防护用品"),
  OTHER("其他");

  private final String label;

  ItemCategory(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
