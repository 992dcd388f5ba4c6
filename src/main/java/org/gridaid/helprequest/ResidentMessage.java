package org.gridaid.helprequest;

/** A text message to the caller's phone, queued in {@code resident_message}. */
record ResidentMessage(long id, long helpRequestId, String phone, Template template, String body, Status status,
    int attempts) {

  enum Status { PENDING, SENT, FAILED }

  /** One Chinese template per status change a resident is told about. */
  enum Template {
    RECEIVED("【暖心服务热线】您的诉求已受理, 查询码 %s。我们会尽快安排网格员联系您。"),
    ASSIGNED("【暖心服务热线】您的诉求(查询码 %s)已派给%s网格员处理, 请保持电话畅通。"),
    HANDLED("【暖心服务热线】您的诉求(查询码 %s)已处置, 热线将在24小时内回访您。"),
    CLOSED("【暖心服务热线】您的诉求(查询码 %s)已办结, 感谢您的理解与支持。"),
    CANCELLED("【暖心服务热线】您的诉求(查询码 %s)已撤销。如仍需帮助, 请再次来电。");

    private final String text;

    Template(String text) {
      this.text = text;
    }

    String render(String trackingCode, String gridName) {
      return this == ASSIGNED ? text.formatted(trackingCode, gridName) : text.formatted(trackingCode);
    }
  }
}
