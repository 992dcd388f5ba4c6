package org.gridaid.donations;

import java.math.BigDecimal;

/** The texts donors get, in Chinese, at most 500 characters. */
final class DonorTexts {

  static final String THANKS = "THANKS";

  private DonorTexts() {}

  /** The thanks for money that arrived, with the receipt's number. */
  static String thanks(String name, boolean anonymous, BigDecimal yuan, String receipt) {
    String whom = anonymous || name == null ? "爱心人士" : name;
    return "【江海区慈善会】" + whom + "您好，您捐赠的" + yuan.toPlainString() + "元善款已到账，捐赠收据编号"
        + receipt + "。衷心感谢您对抗疫工作的支持！";
  }

  /** The thanks for goods checked in at a site, with the receipt's number. */
  static String thanksForGoods(String name, boolean anonymous, long quantity, String unit, String item,
      String site, String receipt) {
    String whom = anonymous || name == null ? "爱心人士" : name;
    return "【江海区慈善会】" + whom + "您好，您捐赠的" + item + " " + quantity + unit + "已在" + site
        + "签收入库，捐赠收据编号" + receipt + "。衷心感谢您对抗疫工作的支持！";
  }
}
