package org.gridaid.helprequest;

import org.gridaid.register.Vulnerability;
import static org.gridaid.helprequest.HelpRequestProcess.*;

import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;

/** Writes what routing and the task forms need onto the process, and nothing more. */
final class CaseVariables {

  private CaseVariables() {}

  static long caseId(String businessKey) {
    return Long.parseLong(businessKey);
  }

  static void setRouting(VariableScope process, HelpRequestService.Routing routing) {
    process.setVariable(HelpRequestProcess.StartVariables.GRID_CODE, routing.gridCode());
    process.setVariable(COMMUNITY_CODE, routing.communityCode());
    process.setVariable(STREET_CODE, routing.streetCode());
    process.setVariable(TASK_PRIORITY, taskPriority(routing.priority()));
    process.setVariable(MEDICAL_ALERT, routing.medicalAlert());
    process.setVariable(RESPONSE_DUE, Date.from(routing.responseDue()));
    process.setVariable(RESOLUTION_DUE, Date.from(routing.resolutionDue()));
    process.setVariable(ESCALATE_EVERY, routing.escalateEvery());
  }

  /**
   * The case as the task forms show it, set when each task is created; staff working the
   * case see the full phone number.
   */
  static void setSummary(VariableScope process, HelpRequest request) {
    process.setVariable(CASE_SUMMARY, summary(request));
    process.setVariable(DEADLINES, Deadlines.of(request).describe(HelpRequestService.now()));
  }

  static String summary(HelpRequest request) {
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

  /** Tasklist sorts by priority: P1 on top. */
  static int taskPriority(String priority) {
    return switch (priority == null ? "" : priority) {
      case "P1" -> 100;
      case "P2" -> 75;
      case "P3" -> 50;
      default -> 25;
    };
  }

  /** Who is acting: the signed-in user of the webapp or REST call, else the engine itself. */
  static String actor(String fallback) {
    var context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    if (user != null) {
      return user;
    }
    return fallback == null ? HelpRequestService.SYSTEM : fallback;
  }
}
