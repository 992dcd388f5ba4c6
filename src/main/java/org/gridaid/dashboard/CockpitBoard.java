package org.gridaid.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridaid.helprequest.Category;
import org.gridaid.helprequest.DueState;
import org.gridaid.helprequest.EscalationLevel;
import org.gridaid.helprequest.OpenCases;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.web.ForbiddenException;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * What the Cockpit plugin's resource answers, as the REST API would: the signed-in Cockpit user
 * becomes a {@link Requester} and sees the board of the areas they cover ({@link DashboardAccess});
 * a refusal is a problem ({@code application/problem+json}).
 */
@Component
class CockpitBoard {

  record Answer(int status, String contentType, String json) {}

  /** One case behind a figure, as Cockpit's list of them shows it. */
  record CaseRow(long id, String processInstanceId, String gridCode, String gridName, String escalationLevel,
      String escalationLevelLabel, String category, String categoryLabel, String priority, DueState due,
      Instant receivedAt, Instant responseDueAt, Instant resolutionDueAt) {}

  private final Dashboard dashboard;
  private final Requesters requesters;
  private final AreaDirectory areas;
  private final ObjectMapper json;

  CockpitBoard(Dashboard dashboard, Requesters requesters, AreaDirectory areas, ObjectMapper json) {
    this.dashboard = dashboard;
    this.requesters = requesters;
    this.areas = areas;
    this.json = json;
  }

  Answer board(String engineName) {
    return answer(() -> dashboard.board(coverage(engineName)));
  }

  Answer cases(String engineName, String area, String level, String due, String category, String priority) {
    return answer(() -> {
      OpenCases.Selection selection = new OpenCases.Selection(
          level == null || Dashboard.NOT_ESCALATED.equals(level) ? null : value(EscalationLevel.class, "level", level),
          Dashboard.NOT_ESCALATED.equals(level), category == null ? null : value(Category.class, "category", category),
          priority == null ? null : known(priority), due == null ? null : value(DueState.class, "due", due));
      List<OpenCases.Case> cases = dashboard.cases(coverage(engineName), blankToNull(area), selection);
      return Map.of("cases", cases.stream().map(this::row).toList(), "most", Dashboard.MOST_CASES);
    });
  }

  private CaseRow row(OpenCases.Case c) {
    return new CaseRow(c.id(), c.processInstanceId(), c.gridCode(),
        c.gridCode() == null ? null : areas.find(c.gridCode()).map(Area::name).orElse(c.gridCode()),
        c.escalationLevel() == null ? Dashboard.NOT_ESCALATED : c.escalationLevel().name(),
        c.escalationLevel() == null ? "未升级" : c.escalationLevel().label(), c.category().name(),
        c.category().label(), c.priority(), c.due(), c.receivedAt(), c.responseDueAt(), c.resolutionDueAt());
  }

  private Coverage coverage(String engineName) {
    return DashboardAccess.coverage(requesters.signedInToWebapps(engineName)
        .orElseThrow(() -> new ForbiddenException("Sign in to Cockpit first")));
  }

  private interface Work {
    Object run();
  }

  private Answer answer(Work work) {
    try {
      return new Answer(200, "application/json", json.writeValueAsString(work.run()));
    } catch (ForbiddenException e) {
      return problem(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", e.getMessage());
    } catch (NotFoundException e) {
      return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", e.getMessage());
    } catch (IllegalArgumentException e) {
      return problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Bad request", e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer problem(HttpStatus status, URI type, String title, String detail) {
    ProblemDetail problem = Problems.of(status, type, title, detail);
    try {
      return new Answer(status.value(), "application/problem+json", json.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <E extends Enum<E>> E value(Class<E> type, String field, String code) {
    try {
      return Enum.valueOf(type, code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not one of the codes of the board");
    }
  }

  private static String known(String priority) {
    if (!Dashboard.PRIORITIES.contains(priority)) {
      throw new IllegalArgumentException("priority is not one of " + Dashboard.PRIORITIES);
    }
    return priority;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
