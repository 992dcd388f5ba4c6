package org.gridaid.carepacks;

import org.gridaid.shared.validation.Labelled;

/** The packs a campaign sends; what is in them is the DMN table's answer for each household. */
public enum PackType implements Labelled {
  LIVING_SUPPLIES("生活物资包"),
  BREAKFAST("早餐包");

  private final String label;

  PackType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
