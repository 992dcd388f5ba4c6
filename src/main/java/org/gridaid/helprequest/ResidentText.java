package org.gridaid.helprequest;

import org.gridaid.messaging.MessageOwner;

/**
 * The text message a resident gets for a status change of their case: one Chinese template
 * each, rendered here and queued with {@link org.gridaid.messaging.TextMessages} (kind = the
 * constant's name).
 */
enum ResidentText {
  RECEIVED("【暖心服务热线】您的诉求已受理, 查询码 %s。我们会尽快安排网格员联系您。"),
  ASSIGNED("【暖心服务热线】您的诉求(查询码 %s)已派给%s网格员处理, 请保持电话畅通。"),
  HANDLED("【暖心服务热线】您的诉求(查询码 %s)已处置, 热线将在24小时内回访您。"),
  CLOSED("【暖心服务热线】您的诉求(查询码 %s)已办结, 感谢您的理解与支持。"),
  CANCELLED("【暖心服务热线】您的诉求(查询码 %s)已撤销。如仍需帮助, 请再次来电。");

  /** The owner type of a case's messages; messages queued before V21 were copied under it. */
  static final String OWNER_TYPE = "HELP_REQUEST";

  private final String text;

  ResidentText(String text) {
    this.text = text;
  }

  String render(String trackingCode, String gridName) {
    return this == ASSIGNED ? text.formatted(trackingCode, gridName) : text.formatted(trackingCode);
  }

  static MessageOwner owner(long helpRequestId) {
    return new MessageOwner(OWNER_TYPE, helpRequestId);
  }
}
