package org.gridaid.medicine;

/** The text messages the recipient gets, one Chinese template per step they are told about. */
enum RecipientMessage {
  REQUESTED("【送药上门】已收到为您送药的需求(单号 %s)。"
      + "送达时请向配送员出示确认码 %s, 请勿告诉他人。"),
  RESERVED("【送药上门】您的药品(单号 %s)已备好, 正在安排配送员。"),
  PICKED_UP("【送药上门】配送员已取药(单号 %s), 正在送往您家, 请保持电话畅通。"),
  DELIVERED("【送药上门】您的药品(单号 %s)已送达。祝您早日康复。"),
  NOT_DELIVERED("【送药上门】您的药品(单号 %s)未能送达, 网格员将与您联系。"),
  REFUSED("【送药上门】您申请的处方药(单号 %s)未通过审核, 医疗保障组将与您联系。"),
  UNAVAILABLE("【送药上门】抱歉, 您需要的药品(单号 %s)暂时无法调配, 网格员将与您联系。"),
  CANCELLED("【送药上门】送药需求(单号 %s)已撤销。");

  private final String text;

  RecipientMessage(String text) {
    this.text = text;
  }

  String render(MedicineDelivery delivery) {
    return this == REQUESTED ? text.formatted(delivery.id(), delivery.confirmationCode())
        : text.formatted(delivery.id());
  }
}
