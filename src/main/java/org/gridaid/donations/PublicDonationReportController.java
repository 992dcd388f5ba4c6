package org.gridaid.donations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.gridaid.donations.DonationReport.DayLine;
import org.gridaid.donations.DonationReport.SiteLine;
import org.gridaid.shared.web.CsvDownload;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The public transparency report of an appeal (捐赠公示), for anybody without signing in: as JSON,
 * as a printable page in Chinese and as CSV. Rate limited per client address, cached briefly, and
 * without any donor's details.
 */
@RestController
@RequestMapping("/api/v1/public/donation-report")
@Validated
class PublicDonationReportController {

  private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final DonationReports reports;
  private final DonationReportRateLimit rateLimit;
  private final DonationSettings settings;

  PublicDonationReportController(DonationReports reports, DonationReportRateLimit rateLimit,
      DonationSettings settings) {
    this.reports = reports;
    this.rateLimit = rateLimit;
    this.settings = settings;
  }

  @GetMapping
  ResponseEntity<DonationReport> report(@RequestParam @Min(1) long appealId, HttpServletRequest request) {
    rateLimit.check(request.getRemoteAddr());
    return ResponseEntity.ok().cacheControl(cacheControl()).body(reports.of(appealId));
  }

  /**
   * The same as a page to print or post (公示), in Chinese. Written to the response as the CSV is,
   * whatever the caller accepts: a refusal before it (404, 429) is a problem as everywhere.
   */
  @GetMapping("/print")
  void print(@RequestParam @Min(1) long appealId, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    rateLimit.check(request.getRemoteAddr());
    String page = html(reports.of(appealId), settings.zone());
    response.setHeader("Cache-Control", cacheControl().getHeaderValue());
    response.setContentType(new MediaType("text", "html", StandardCharsets.UTF_8).toString());
    response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
  }

  /** The same as CSV: the totals, each site and each day, one row each. */
  @GetMapping("/export")
  void export(@RequestParam @Min(1) long appealId, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    rateLimit.check(request.getRemoteAddr());
    DonationReport r = reports.of(appealId);
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"合计", "", r.pledged(), r.received(), r.givenOut()});
    for (SiteLine s : r.bySite()) {
      rows.add(new Object[] {"采样点", s.siteName(), s.pledged(), s.received(), s.givenOut()});
    }
    for (DayLine d : r.byDay()) {
      rows.add(new Object[] {"日期", d.day().toString(), d.pledged(), d.received(), d.givenOut()});
    }
    response.setHeader("Cache-Control", cacheControl().getHeaderValue());
    CsvDownload.write(response, "donation-report-" + r.appealId(), List.of("类别", "名称", "认捐", "已接收", "已发放"),
        rows, row -> row);
  }

  private CacheControl cacheControl() {
    return CacheControl.maxAge(settings.reportCache()).cachePublic();
  }

  /** The page in Chinese, its time of day in {@code zone} (where the appeal's readers are). */
  static String html(DonationReport r, ZoneId zone) {
    String unit = r.unit() == null ? "" : r.unit();
    StringBuilder page = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8"><title>捐赠公示</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}
        td,th{border:1px solid #999;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}
        @media print{a{display:none}}</style></head><body>
        """);
    page.append("<h1>捐赠公示: ").append(e(r.title())).append("</h1>\n");
    page.append("<p>").append(e(r.kindLabel())).append(r.itemName() == null ? "" : " · " + e(r.itemName()))
        .append(" · 目标 ").append(r.target()).append(unit).append(" · ").append(e(r.statusLabel()))
        .append(" · 认捐 ").append(r.pledges()).append(" 笔</p>\n");
    page.append("<table><tr><th></th><th>认捐</th><th>已接收</th><th>已发放</th></tr>\n");
    row(page, "合计", r.pledged(), r.received(), r.givenOut(), unit);
    page.append("</table>\n");
    if (!r.bySite().isEmpty()) {
      page.append("<h2>按采样点</h2><table><tr><th>采样点</th><th>认捐</th><th>已接收</th><th>已发放</th></tr>\n");
      r.bySite().forEach(s -> row(page, s.siteName(), s.pledged(), s.received(), s.givenOut(), unit));
      page.append("</table>\n");
    }
    page.append("<h2>按日期</h2><table><tr><th>日期</th><th>认捐</th><th>已接收</th><th>已发放</th></tr>\n");
    r.byDay().forEach(d -> row(page, d.day().toString(), d.pledged(), d.received(), d.givenOut(), unit));
    page.append("</table>\n<p>本公示不含捐赠人个人信息; 匿名捐赠人以“爱心人士”记。生成时间 ")
        .append(READABLE.format(r.generatedAt().atZone(zone))).append("</p>\n</body></html>\n");
    return page.toString();
  }

  private static void row(StringBuilder page, String name, Number pledged, Number received, Number givenOut,
      String unit) {
    page.append("<tr><td>").append(e(name)).append("</td><td>").append(pledged).append(unit).append("</td><td>")
        .append(received).append(unit).append("</td><td>").append(givenOut == null ? "—" : givenOut + unit)
        .append("</td></tr>\n");
  }

  private static String e(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text);
  }
}
