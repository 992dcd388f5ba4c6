package org.gridaid.helprequest;

import static org.gridaid.shared.Texts.trimmed;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridaid.shared.Coverage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.organisation.GridResolution;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case and its timeline. The process calls in at each step (through the delegates and
 * task listeners of this package); the module's tables stay the source of truth.
 */
@Service
public class HelpRequestService {

  private static final Logger log = LoggerFactory.getLogger(HelpRequestService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TRACKING_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final int CALLBACK_TRIES = 3;
  static final Duration CALLBACK_WITHIN = Duration.ofHours(24);
  static final Duration CALLBACK_RETRY_AFTER = Duration.ofHours(2);
  static final Duration LONGEST_HOLD = Duration.ofDays(7);
  static final String SYSTEM = "system";

  private final HelpRequests cases;
  private final AreaDirectory areas;
  private final ResidentMessages messages;

  HelpRequestService(HelpRequests cases, AreaDirectory areas, ResidentMessages messages) {
    this.cases = cases;
    this.areas = areas;
    this.messages = messages;
  }

  /** The engine's clock, so that tests moving it move our deadlines too. */
  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  HelpRequest get(long id) {
    return cases.find(id).orElseThrow(() -> new NotFoundException("Help request", String.valueOf(id)));
  }

  Optional<HelpRequest> findByTrackingCode(String code) {
    return cases.findByTrackingCode(code);
  }

  List<TimelineEvent> timeline(long id) {
    return cases.timeline(id);
  }

  /** The registered case, or the open case a repeated call was linked to. */
  record Registration(long id, Long linkedToId) {}

  /**
   * Stores the call. A call from the same phone about the same thing while a case is open is
   * kept too, but linked to that case instead of starting a second handling chain.
   */
  @Transactional
  public Registration register(Intake intake, String submittedBy) {
    Instant now = now();
    Optional<HelpRequest> open = cases.findOpen(intake.callerPhone(), intake.category());
    if (open.isPresent()) {
      long openId = open.get().id();
      long id = cases.insert(intake, newTrackingCode(), HelpRequestStatus.LINKED, openId, submittedBy, now);
      cases.update(openId, "linked_calls = linked_calls + 1");
      cases.addEvent(openId, now, TimelineEventType.DUPLICATE_LINKED, null, submittedBy,
          "#" + id + ": " + intake.description());
      cases.addEvent(id, now, TimelineEventType.DUPLICATE_LINKED, null, submittedBy, "#" + openId);
      log.info("Help request {} linked to open request {}", id, openId);
      return new Registration(id, openId);
    }
    long id = cases.insert(intake, newTrackingCode(), HelpRequestStatus.RECEIVED, null, submittedBy, now);
    cases.addEvent(id, now, TimelineEventType.RECEIVED, null, submittedBy, intake.channel().name());
    messages.queue(get(id), ResidentMessage.Template.RECEIVED);
    log.info("Help request {} received ({}, {})", id, intake.category(), intake.channel());
    return new Registration(id, null);
  }

  void rememberIdempotencyKey(long id, String key, String requestHash) {
    cases.rememberIdempotencyKey(id, key, requestHash);
  }

  Optional<HelpRequest> findByIdempotencyKey(String submittedBy, String key) {
    return cases.findByIdempotencyKey(submittedBy, key);
  }

  /** Priority and deadlines from the triage table, counted from intake. */
  record Triage(String priority, Duration responseWithin, Duration resolveWithin, String escalateEvery,
      boolean alertMedicalTeam) {

    static Triage of(Map<String, Object> result) {
      return new Triage((String) result.get("priority"), Deadlines.parse((String) result.get("responseWithin")),
          Deadlines.parse((String) result.get("resolveWithin")), (String) result.get("escalateEvery"),
          Boolean.TRUE.equals(result.get("alertMedicalTeam")));
    }
  }

  /** Where the case went and by when it must be answered. {@code gridCode} null: pick by hand. */
  record Routing(String gridCode, String communityCode, String streetCode, String priority, Instant responseDue,
      Instant resolutionDue, String escalateEvery, boolean medicalAlert) {}

  @Transactional
  public Routing route(long id, Triage triage) {
    HelpRequest request = get(id);
    Instant responseDue = request.receivedAt().plus(triage.responseWithin());
    Instant resolutionDue = request.receivedAt().plus(triage.resolveWithin());
    cases.update(id, "priority = ?, response_due_at = ?, resolution_due_at = ?, escalate_every = ?, medical_alert = ?",
        triage.priority(), responseDue, resolutionDue, triage.escalateEvery(), triage.alertMedicalTeam());
    Instant now = now();
    if (triage.alertMedicalTeam()) {
      cases.addEvent(id, now, TimelineEventType.MEDICAL_TEAM_ALERTED, null, SYSTEM, triage.priority());
    }
    Optional<GridResolution> grid = resolve(request);
    if (grid.isEmpty()) {
      cases.update(id, "status = ?", HelpRequestStatus.AWAITING_GRID);
      cases.addEvent(id, now, TimelineEventType.AWAITING_GRID, null, SYSTEM, request.address());
      return routing(get(id), null);
    }
    return assign(id, grid.get().gridCode(), SYSTEM, now);
  }

  private Optional<GridResolution> resolve(HelpRequest request) {
    if (request.gridCode() != null) {
      return areas.resolveCode(request.gridCode());
    }
    if (request.minimalUnitCode() != null) {
      return areas.resolveCode(request.minimalUnitCode());
    }
    return request.address() == null ? Optional.empty() : areas.resolveAddress(request.address());
  }

  /** An operator picked the grid of an address the register could not match. */
  @Transactional
  public Routing assignGrid(long id, String gridCode, String actor) {
    checkGrid("pickedGridCode", gridCode);
    return assign(id, gridCode, actor, now());
  }

  private Routing assign(long id, String gridCode, String actor, Instant now) {
    cases.update(id, "grid_code = ?, status = ?", gridCode, HelpRequestStatus.ASSIGNED);
    cases.addEvent(id, now, TimelineEventType.ASSIGNED, gridCode, actor, null);
    HelpRequest request = get(id);
    messages.queue(request, ResidentMessage.Template.ASSIGNED);
    return routing(request, gridCode);
  }

  private Routing routing(HelpRequest request, String gridCode) {
    String community = null;
    String street = null;
    if (gridCode != null) {
      for (Area area : areas.path(gridCode)) {
        if (area.level() == AreaLevel.COMMUNITY) {
          community = area.code();
        } else if (area.level() == AreaLevel.STREET) {
          street = area.code();
        }
      }
    }
    return new Routing(gridCode, community, street, request.priority(), request.responseDueAt(),
        request.resolutionDueAt(), request.escalateEvery(), request.medicalAlert());
  }

  private void checkGrid(String field, String gridCode) {
    if (gridCode == null || areas.find(gridCode).filter(Area::isGrid).isEmpty()) {
      throw new InvalidInputException(field, "is not a known grid");
    }
  }

  /** A grid worker took the case (claimed it in Tasklist or recorded an outcome). */
  @Transactional
  public boolean respond(long id, String actor) {
    HelpRequest request = get(id);
    if (request.firstResponseAt() != null) {
      return false;
    }
    Instant now = now();
    cases.update(id, "first_response_at = ?, status = ?", now, HelpRequestStatus.IN_PROGRESS);
    cases.addEvent(id, now, TimelineEventType.RESPONDED, request.gridCode(), actor, null);
    return true;
  }

  @Transactional
  public void escalate(long id, EscalationLevel level) {
    Instant now = now();
    cases.update(id, "escalation_level = ?, escalated_at = ?", level, now);
    cases.addEvent(id, now, TimelineEventType.ESCALATED, level.name(), SYSTEM, level.label());
    log.info("Help request {} escalated to {}", id, level);
  }

  @Transactional
  public void supervise(long id, EscalationLevel level, String actor, String note) {
    cases.addEvent(id, now(), TimelineEventType.SUPERVISED, level.name(), actor, note);
  }

  @Transactional
  public void medicalTeamResponded(long id, String actor, String note) {
    cases.addEvent(id, now(), TimelineEventType.MEDICAL_TEAM_RESPONDED, null, actor, note);
  }

  /** What the handling form sent, before checking. */
  record Handling(String outcome, String actionTaken, String transferredTo, String holdReason, Object resumeAt,
      String newGridCode) {}

  /**
   * Records the grid worker's outcome. Checked before the task completes: a bad form is
   * refused with the fields at fault and the task stays open.
   */
  @Transactional
  public Outcome recordHandling(long id, Handling handling, String actor) {
    Outcome outcome = parseOutcome(handling.outcome());
    String action = trimmed(handling.actionTaken());
    respond(id, actor);
    Instant now = now();
    switch (outcome) {
      case ON_HOLD -> {
        Instant until = parseResumeAt(handling.resumeAt(), now);
        String reason = required("holdReason", handling.holdReason(), 500);
        cases.update(id, "status = ?, held_since = ?, hold_until = ?, hold_reason = ?", HelpRequestStatus.ON_HOLD,
            now, until, reason);
        cases.addEvent(id, now, TimelineEventType.ON_HOLD, null, actor, reason + " (" + until + ")");
      }
      case REROUTE -> {
        checkGrid("newGridCode", trimmed(handling.newGridCode()));
        required("actionTaken", action, 2000);
      }
      default -> {
        required("actionTaken", action, 2000);
        String department = outcome == Outcome.TRANSFERRED
            ? required("transferredTo", handling.transferredTo(), 100) : null;
        cases.update(id, "status = ?, outcome = ?, action_taken = ?, transferred_to = ?, handled_at = ?",
            HelpRequestStatus.HANDLED, outcome, action, department, now);
        cases.addEvent(id, now, TimelineEventType.HANDLED, outcome.name(), actor, action);
        messages.queue(get(id), ResidentMessage.Template.HANDLED);
      }
    }
    return outcome;
  }

  private static Outcome parseOutcome(String value) {
    String code = required("outcome", value, 20);
    try {
      return Outcome.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("outcome", "must be one of " + List.of(Outcome.values()));
    }
  }

  private static Instant parseResumeAt(Object value, Instant now) {
    Instant at;
    if (value instanceof Date date) {
      at = date.toInstant();
    } else if (value instanceof String text && !text.isBlank()) {
      try {
        at = FormDates.parse(text);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("resumeAt", "must be a date and time such as 2026-11-23T15:00+08:00");
      }
    } else {
      throw new InvalidInputException("resumeAt", "is required when putting a case on hold");
    }
    if (!at.isAfter(now) || at.isAfter(now.plus(LONGEST_HOLD))) {
      throw new InvalidInputException("resumeAt", "must be in the future and within 7 days");
    }
    return at;
  }

  /**
   * The hold is over: deadlines move by the time spent on hold, so the grid has exactly the
   * time that was left when the resident asked to wait.
   */
  @Transactional
  public Routing resume(long id) {
    HelpRequest request = get(id);
    Instant now = now();
    Duration held = request.heldSince() == null ? Duration.ZERO : Duration.between(request.heldSince(), now);
    Instant responseDue = request.responseDueAt().plus(held);
    Instant resolutionDue = request.resolutionDueAt().plus(held);
    cases.update(id, "status = ?, response_due_at = ?, resolution_due_at = ?, held_since = null, hold_until = null",
        HelpRequestStatus.IN_PROGRESS, responseDue, resolutionDue);
    cases.addEvent(id, now, TimelineEventType.RESUMED, null, SYSTEM, "+" + held);
    return routing(get(id), request.gridCode());
  }

  /** Another grid takes over; the deadlines stay counted from intake. */
  @Transactional
  public Routing reroute(long id, String gridCode, String actor) {
    checkGrid("newGridCode", gridCode);
    HelpRequest request = get(id);
    Instant now = now();
    cases.update(id, "grid_code = ?, status = ?, first_response_at = null", gridCode, HelpRequestStatus.ASSIGNED);
    cases.addEvent(id, now, TimelineEventType.REROUTED, gridCode, actor, request.gridCode() + " → " + gridCode);
    return routing(get(id), gridCode);
  }

  /** What the call-back form sent and what happens next. */
  record CallbackOutcome(CallbackResult result, Instant nextCallbackDue, Instant newResolutionDue) {}

  @Transactional
  public CallbackOutcome recordCallback(long id, boolean reached, boolean satisfied, String note, String actor) {
    HelpRequest request = get(id);
    Instant now = now();
    int attempt = request.callbackAttempts() + 1;
    cases.update(id, "callback_attempts = ?", attempt);
    String result = reached ? (satisfied ? "满意" : "不满意") : "未接通";
    cases.addEvent(id, now, TimelineEventType.CALLBACK, String.valueOf(attempt), actor,
        result + (note == null || note.isBlank() ? "" : ": " + note.strip()));
    if (reached && satisfied) {
      close(id, HelpRequestStatus.CLOSED, TimelineEventType.CLOSED, actor, now);
      return new CallbackOutcome(CallbackResult.CLOSE, null, null);
    }
    if (reached) {
      // a fresh resolution window: the resident said the problem is not solved
      Duration window = Duration.between(request.receivedAt(), request.resolutionDueAt());
      Instant resolutionDue = now.plus(window);
      cases.update(id, "status = ?, resolution_due_at = ?, handled_at = null, outcome = null,"
          + " escalation_level = null, escalated_at = null", HelpRequestStatus.IN_PROGRESS, resolutionDue);
      cases.addEvent(id, now, TimelineEventType.RETURNED_TO_GRID, request.gridCode(), actor, note);
      return new CallbackOutcome(CallbackResult.RETURN_TO_GRID, null, resolutionDue);
    }
    if (attempt < CALLBACK_TRIES) {
      return new CallbackOutcome(CallbackResult.TRY_AGAIN, now.plus(CALLBACK_RETRY_AFTER), null);
    }
    close(id, HelpRequestStatus.CLOSED_UNREACHABLE, TimelineEventType.CLOSED_UNREACHABLE, actor, now);
    return new CallbackOutcome(CallbackResult.CLOSE_UNREACHABLE, null, null);
  }

  private void close(long id, HelpRequestStatus status, TimelineEventType event, String actor, Instant now) {
    cases.update(id, "status = ?, closed_at = ?", status, now);
    cases.addEvent(id, now, event, null, actor, null);
    messages.queue(get(id), ResidentMessage.Template.CLOSED);
  }

  /** Cancels an open case; the caller ends the process so that every open task ends. */
  @Transactional
  public HelpRequest cancel(long id, String reason, String actor) {
    HelpRequest request = get(id);
    if (!request.status().isOpen()) {
      throw new ConflictException("Help request " + id + " is already " + request.status());
    }
    Instant now = now();
    cases.update(id, "status = ?, cancel_reason = ?, closed_at = ?", HelpRequestStatus.CANCELLED, reason, now);
    cases.addEvent(id, now, TimelineEventType.CANCELLED, null, actor, reason);
    messages.queue(get(id), ResidentMessage.Template.CANCELLED);
    return get(id);
  }

  Page<HelpRequest> search(Coverage coverage, String gridCode, HelpRequestStatus status,
      boolean overdue, int page, int size) {
    return cases.search(coverage, gridCode, status, overdue, now(), page, size);
  }

  private static String required(String field, String value, int max) {
    String text = trimmed(value);
    if (text == null) {
      throw new InvalidInputException(field, "is required");
    }
    if (text.length() > max) {
      throw new InvalidInputException(field, "must be at most " + max + " characters");
    }
    return text;
  }


  /** Ten characters from an alphabet without look-alikes (0/O, 1/I): easy to read out on the phone. */
  private static String newTrackingCode() {
    StringBuilder code = new StringBuilder("HR");
    for (int i = 0; i < 10; i++) {
      code.append(TRACKING_ALPHABET.charAt(RANDOM.nextInt(TRACKING_ALPHABET.length())));
    }
    return code.toString();
  }
}
