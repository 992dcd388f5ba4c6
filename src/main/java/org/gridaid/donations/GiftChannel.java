package org.gridaid.donations;

import org.gridaid.shared.validation.Labelled;

/** How money came: the online donation platform, or cash or a bank transfer the donation desk recorded. */
enum GiftChannel implements Labelled {
  PLATFORM("网络捐赠平台"),
  CASH("现金"),
  BANK_TRANSFER("银行转账");

  private final String label;

  GiftChannel(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
