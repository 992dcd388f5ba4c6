package org.gridaid.helprequest;

import java.util.stream.Collectors;
import org.gridaid.register.Vulnerability;

/** The case as the task forms show it: staff working the case see the caller's full details. */
final class CaseSummary {

  private CaseSummary() {}

  static String of(HelpRequest request) {
    String flags = request.vulnerabilities().stream().map(Vulnerability::label).collect(Collectors.joining("、"));
    StringBuilder summary = new StringBuilder()
        .append("#").append(request.id()).append(" [").append(request.priority() == null ? "-" : request.priority())
        .append(" ").append(request.category().label()).append("] ")
        .append(request.callerName()).append(" ").append(request.callerPhone()).append("\n")
        .append("地址: ").append(address(request)).append("\n")
        .append("诉求: ").append(request.description());
    if (request.affectedPerson() != null) {
      summary.append("\n涉及人员: ").append(request.affectedPerson());
    }
    if (!flags.isEmpty()) {
      summary.append("\n特殊人群: ").append(flags);
    }
    if (request.linkedCalls() > 0) {
      summary.append("\n同号同类再次来电: ").append(request.linkedCalls()).append(" 次");
    }
    if (request.status() == HelpRequestStatus.ON_HOLD) {
      summary.append("\n暂缓中, 至 ").append(FormDates.format(request.holdUntil()))
          .append(" (应居民要求, 时限顺延)");
    }
    if (request.holdReason() != null) {
      summary.append("\n暂缓原因: ").append(request.holdReason());
    }
    return summary.toString();
  }

  private static String address(HelpRequest request) {
    if (request.address() != null) {
      return request.address();
    }
    return request.minimalUnitCode() != null ? request.minimalUnitCode() : request.gridCode();
  }
}
