package org.gridaid.carepacks;

import org.gridaid.shared.validation.Labelled;

public enum CampaignStatus implements Labelled {
  RUNNING("进行中"),
  COMPLETED("已完成");

  private final String label;

  CampaignStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
