package org.gridaid.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gridaid.carepacks.CampaignProgress.GridProgress;
import org.gridaid.checkin.RoundEscalation;
import org.gridaid.checkin.RoundFigures;
import org.gridaid.checkin.RoundStatus;
import org.gridaid.helprequest.Category;
import org.gridaid.helprequest.DueState;
import org.gridaid.helprequest.EscalationLevel;
import org.gridaid.helprequest.OpenCases;
import org.gridaid.medicine.LateDeliveries.LateDelivery;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.web.ForbiddenException;
import org.gridaid.shared.web.InvalidInputException;
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

  /** One check-in round behind a figure. */
  record RoundRow(long id, String processInstanceId, String gridCode, String gridName, LocalDate day,
      RoundStatus status, RoundEscalation escalation, int listed, int answered, Instant completedAt,
      Instant closedAt) {}

  /** One late medicine delivery behind a figure: no word of its recipient. */
  record DeliveryRow(long id, String processInstanceId, String gridCode, String gridName, String status,
      String statusLabel, String urgencyLabel, Instant requestedAt, Instant lateSince, List<String> lateSteps) {}

  /** One grid of a running care-pack campaign behind a figure. */
  record CampaignGridRow(long campaignId, String campaignName, String processInstanceId, String gridCode,
      String gridName, String status, String statusLabel, Instant deadline, long planned, long delivered,
      long notYetDelivered, long missed) {}

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

  /** The check-in rounds behind a figure: of {@code day} (null: the board's), with {@code status} (null: any). */
  Answer rounds(String engineName, String area, String status, String day) {
    return answer(() -> {
      RoundStatus picked = status == null ? null : value(RoundStatus.class, "status", status);
      LocalDate date = day == null ? null : date("day", day);
      List<RoundRow> rows = dashboard.rounds(coverage(engineName), blankToNull(area), date, picked).stream()
          .map(this::row).toList();
      return Map.of("rounds", rows, "most", Dashboard.MOST_CASES);
    });
  }

  /** The late medicine deliveries behind a figure. */
  Answer deliveries(String engineName, String area) {
    return answer(() -> Map.of("deliveries", dashboard.lateDeliveries(coverage(engineName), blankToNull(area))
        .stream().map(this::row).toList(), "most", Dashboard.MOST_CASES));
  }

  /** The grids of the running care-pack campaigns behind a figure; {@code progress} null: every grid of them. */
  Answer campaigns(String engineName, String area, String progress) {
    return answer(() -> {
      Dashboard.PackProgress picked = progress == null ? null
          : value(Dashboard.PackProgress.class, "progress", progress);
      return Map.of("grids", dashboard.campaignGrids(coverage(engineName), blankToNull(area), picked).stream()
          .map(this::row).toList(), "most", Dashboard.MOST_CASES);
    });
  }

  private RoundRow row(RoundFigures.Round r) {
    return new RoundRow(r.id(), r.processInstanceId(), r.gridCode(), gridName(r.gridCode()), r.day(), r.status(),
        r.escalation(), r.listed(), r.answered(), r.completedAt(), r.closedAt());
  }

  private DeliveryRow row(LateDelivery d) {
    return new DeliveryRow(d.id(), d.processInstanceId(), d.gridCode(), gridName(d.gridCode()), d.status().name(),
        d.statusLabel(), d.urgencyLabel(), d.requestedAt(), d.lateSince(), d.lateSteps());
  }

  private CampaignGridRow row(GridProgress g) {
    return new CampaignGridRow(g.campaignId(), g.campaignName(), g.processInstanceId(), g.gridCode(),
        gridName(g.gridCode()), g.status().name(), g.statusLabel(), g.deadline(), g.planned(), g.delivered(),
        g.notYetDelivered(), g.missed());
  }

  private String gridName(String gridCode) {
    return gridCode == null ? null : areas.find(gridCode).map(Area::name).orElse(gridCode);
  }

  private CaseRow row(OpenCases.Case c) {
    return new CaseRow(c.id(), c.processInstanceId(), c.gridCode(), gridName(c.gridCode()),
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
    } catch (InvalidInputException e) {
      return problem(Problems.validation(e.errors()));
    } catch (IllegalArgumentException e) {
      return problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Bad request", e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer problem(HttpStatus status, URI type, String title, String detail) {
    return problem(Problems.of(status, type, title, detail));
  }

  private Answer problem(ProblemDetail problem) {
    try {
      return new Answer(problem.getStatus(), "application/problem+json", json.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A query parameter that must be one of an enum's codes: a 400 naming it otherwise. */
  private static <E extends Enum<E>> E value(Class<E> type, String field, String code) {
    try {
      return Enum.valueOf(type, code);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "must be one of " + Arrays.stream(type.getEnumConstants())
          .map(Enum::name).toList());
    }
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "must be a date (yyyy-MM-dd)");
    }
  }

  private static String known(String priority) {
    if (!Dashboard.PRIORITIES.contains(priority)) {
      throw new InvalidInputException("priority", "must be one of " + Dashboard.PRIORITIES);
    }
    return priority;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
