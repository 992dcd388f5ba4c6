package org.gridaid.helprequest;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.security.Requester;
import org.springframework.stereotype.Component;

/**
 * What the hotline operator reads to the caller once 热线诉求 has started in Tasklist (the case
 * number, the tracking code, the priority and the grid it went to), and the case as a page in
 * Chinese: served to Tasklist's plugin ({@link HotlineTasklistPlugin}), which knows only the
 * Tasklist session.
 */
@Component
class HotlineCases {

  /**
   * A case as the operator sees it right after the start. {@code routed}: triage and routing
   * are done (they run just after the start); until then priority and grid may be null.
   */
  record StartedCase(long id, String trackingCode, String status, String statusLabel, String categoryLabel,
      String priority, String gridCode, String gridName, Long linkedToId, boolean routed) {}

  private final HelpRequestService service;
  private final AreaDirectory areas;

  HotlineCases(HelpRequestService service, AreaDirectory areas) {
    this.service = service;
    this.areas = areas;
  }

  /** The case for a staff member; {@link SecurityException} for anybody else. */
  StartedCase started(long id, Requester who) {
    HelpRequest request = readableBy(id, who);
    boolean routed = request.status() != HelpRequestStatus.RECEIVED;
    return new StartedCase(request.id(), request.trackingCode(), request.status().name(), request.status().label(),
        request.category().label(), request.priority(), request.gridCode(), gridName(request.gridCode()),
        request.linkedToId(), routed);
  }

  /** The case as a page in Chinese, with its timeline. */
  String page(long id, Requester who) {
    HelpRequestView view = service.view(readableBy(id, who), who);
    StringBuilder page = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8"><title>热线诉求</title>
        <style>body{font-family:sans-serif;margin:2em;max-width:60em}th{text-align:left;padding-right:1em;
        font-weight:normal;color:#666}td,th{padding:3px 6px;vertical-align:top}table{border-collapse:collapse}
        .timeline td{border-top:1px solid #ddd}</style></head><body>
        """);
    page.append("<h1>热线诉求 #").append(view.id()).append("</h1>\n<table>\n");
    row(page, "查询码", view.trackingCode());
    row(page, "状态", view.statusLabel());
    row(page, "类别", view.categoryLabel());
    row(page, "优先级", view.priority());
    row(page, "网格", view.gridCode() == null ? null : gridName(view.gridCode()) + " (" + view.gridCode() + ")");
    row(page, "受理时间", FormDates.format(view.receivedAt()));
    row(page, "来电人", view.callerName());
    row(page, "联系电话", view.callerPhone());
    row(page, "地址", view.address());
    row(page, "诉求内容", view.description());
    page.append("</table>\n<h2>办理经过</h2>\n<table class=\"timeline\">\n");
    for (HelpRequestView.Entry entry : view.timeline()) {
      page.append("<tr><td>").append(FormDates.format(entry.at())).append("</td><td>").append(htmlEscape(entry.text()))
          .append(entry.detail() == null ? "" : "<br>" + htmlEscape(entry.detail())).append("</td><td>")
          .append(entry.actor() == null ? "" : htmlEscape(entry.actor())).append("</td></tr>\n");
    }
    return page.append("</table>\n</body></html>\n").toString();
  }

  private HelpRequest readableBy(long id, Requester who) {
    if (!who.admin() && who.role() == null) {
      throw new SecurityException("Only staff read help requests");
    }
    return CaseAction.SEE.check(who, service.get(id));
  }

  private String gridName(String gridCode) {
    return gridCode == null ? null : areas.find(gridCode).map(Area::name).orElse(gridCode);
  }

  private static void row(StringBuilder page, String label, String value) {
    if (value != null) {
      page.append("<tr><th>").append(label).append("</th><td>").append(htmlEscape(value)).append("</td></tr>\n");
    }
  }
}
