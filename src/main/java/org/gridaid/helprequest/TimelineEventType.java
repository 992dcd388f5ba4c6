package org.gridaid.helprequest;

/**
 * Kinds of timeline entries, each with the words a resident reads on the tracking page, but
 * for the few that only staff read.
 */
enum TimelineEventType {
  RECEIVED("诉求已受理"),
  DUPLICATE_LINKED("同一来电人同类诉求再次来电, 已并入本诉求"),
  /**
   * The same phone has another open case of the same category, which the sender of this call
   * could not see, so the call is a case of its own (detail: {@code #<the other case's id>}).
   * For staff who may see both cases only.
   */
  SAME_CALLER_OPEN_CASE(null),
  AWAITING_GRID("地址未能匹配网格, 由热线人工指定"),
  ASSIGNED("已派单至网格"),
  MEDICAL_TEAM_ALERTED("已通知医疗保障组"),
  MEDICAL_TEAM_RESPONDED("医疗保障组已处置"),
  /** Nobody of the medical team answered by the response deadline: the district command follows up. Staff only. */
  MEDICAL_TEAM_OVERDUE(null),
  RESPONDED("网格员已响应"),
  ESCALATED("已升级督办"),
  SUPERVISED("督办人员已跟进"),
  /** A second hold asked for: the grid leader decides. Staff only. */
  HOLD_REQUESTED(null),
  /** The grid leader refused a second hold (detail: why). Staff only. */
  HOLD_REFUSED(null),
  ON_HOLD("应居民要求暂缓处理"),
  RESUMED("恢复处理"),
  REROUTED("已改派至其他网格"),
  HANDLED("已处置"),
  /**
   * A step of the medicine delivery the case asked for (level: {@code #<delivery id>}, detail: the
   * step's words, which residents read too).
   */
  MEDICINE_DELIVERY("送药进度"),
  CALLBACK("热线回访"),
  RETURNED_TO_GRID("回访不满意, 已退回网格重新处理"),
  CLOSED("已办结"),
  CLOSED_UNREACHABLE("多次回访未接通, 已办结"),
  CANCELLED("已撤销");

  private final String publicText;

  TimelineEventType(String publicText) {
    this.publicText = publicText;
  }

  /** The words a resident reads; null for an entry only staff read. */
  String publicText() {
    return publicText;
  }

  boolean staffOnly() {
    return publicText == null;
  }
}
