package org.gridaid.supplies;

import org.gridaid.shared.validation.Labelled;

/** What a supply site is: where stock is kept and handed out. */
public enum SiteKind implements Labelled {
  WAREHOUSE("仓库"),
  PHARMACY("药房"),
  SAMPLING_SITE("采样点"),
  COMMUNITY_CENTRE("党群服务中心");

  private final String label;

  SiteKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
