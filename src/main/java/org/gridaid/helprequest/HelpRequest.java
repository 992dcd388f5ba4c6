package org.gridaid.helprequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridaid.register.Vulnerability;
import org.gridaid.shared.EnumCodes;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.web.ConflictException;

/**
 * A resident's help request, the aggregate of the hotline module. Every change goes through a
 * transition method that refuses what the case's status does not allow (a 409 for a caller),
 * records its timeline entry and, where the resident is told, the message to send. Stored by
 * {@link HelpRequests} in {@code help_request}, guarded by its {@code version}; the caller's
 * details are plain here and encrypted in their columns.
 */
class HelpRequest {

  static final String SYSTEM = EngineUsers.SYSTEM;
  static final int CALLBACK_TRIES = 3;
  static final Duration CALLBACK_WITHIN = Duration.ofHours(24);
  static final Duration CALLBACK_RETRY_AFTER = Duration.ofHours(2);

  private Long id;
  private int version;
  private String trackingCode;
  private HelpRequestStatus status;
  private String callerName;
  private String callerPhone;
  /** Keyed hash of the phone: finds an open case of the same caller without decrypting. */
  private String callerPhoneHash;
  private String address;
  private String minimalUnitCode;
  private String gridCode;
  private Category category;
  private String description;
  private String affectedPerson;
  /** Vulnerability codes, comma-separated. */
  private String vulnerabilities;
  private Channel channel;
  private String priority;
  private boolean medicalAlert;
  private Instant receivedAt;
  private Instant responseDueAt;
  private Instant resolutionDueAt;
  private String escalateEvery;
  private EscalationLevel escalationLevel;
  private Instant escalatedAt;
  private Instant firstResponseAt;
  private Instant handledAt;
  private Instant closedAt;
  private HandlingOutcome outcome;
  private String actionTaken;
  private String transferredTo;
  private int callbackAttempts;
  private Instant heldSince;
  private Instant holdUntil;
  private String holdReason;
  /** Holds taken so far: from the second on, the grid leader approves. */
  private int holdCount;
  /** Time spent on hold by past holds, which together may not exceed the longest total. */
  private Duration timeOnHold;
  private Long linkedToId;
  private int linkedCalls;
  private String cancelReason;
  private String submittedBy;
  private String idempotencyKey;
  private String requestHash;

  /** Timeline entries and resident messages of changes not yet saved; the repository writes them. */
  private final List<Recorded> recorded = new ArrayList<>();

  /** A change to be written beside the case: its timeline entry, and the message it sends, if any. */
  record Recorded(TimelineEvent event, ResidentText message) {}

  private HelpRequest() {
  }

  /** A case as {@link HelpRequests} read it from its row (the caller's details decrypted). */
  record Stored(long id, int version, String trackingCode, HelpRequestStatus status, String callerName,
      String callerPhone, String callerPhoneHash, String address, String minimalUnitCode, String gridCode,
      Category category, String description, String affectedPerson, String vulnerabilities, Channel channel,
      String priority, boolean medicalAlert, Instant receivedAt, Instant responseDueAt, Instant resolutionDueAt,
      String escalateEvery, EscalationLevel escalationLevel, Instant escalatedAt, Instant firstResponseAt,
      Instant handledAt, Instant closedAt, HandlingOutcome outcome, String actionTaken, String transferredTo,
      int callbackAttempts, Instant heldSince, Instant holdUntil, String holdReason, int holdCount,
      Duration timeOnHold, Long linkedToId, int linkedCalls, String cancelReason, String submittedBy, String idempotencyKey, String requestHash) {}

  HelpRequest(Stored stored) {
    id = stored.id();
    version = stored.version();
    trackingCode = stored.trackingCode();
    status = stored.status();
    callerName = stored.callerName();
    callerPhone = stored.callerPhone();
    callerPhoneHash = stored.callerPhoneHash();
    address = stored.address();
    minimalUnitCode = stored.minimalUnitCode();
    gridCode = stored.gridCode();
    category = stored.category();
    description = stored.description();
    affectedPerson = stored.affectedPerson();
    vulnerabilities = stored.vulnerabilities();
    channel = stored.channel();
    priority = stored.priority();
    medicalAlert = stored.medicalAlert();
    receivedAt = stored.receivedAt();
    responseDueAt = stored.responseDueAt();
    resolutionDueAt = stored.resolutionDueAt();
    escalateEvery = stored.escalateEvery();
    escalationLevel = stored.escalationLevel();
    escalatedAt = stored.escalatedAt();
    firstResponseAt = stored.firstResponseAt();
    handledAt = stored.handledAt();
    closedAt = stored.closedAt();
    outcome = stored.outcome();
    actionTaken = stored.actionTaken();
    transferredTo = stored.transferredTo();
    callbackAttempts = stored.callbackAttempts();
    heldSince = stored.heldSince();
    holdUntil = stored.holdUntil();
    holdReason = stored.holdReason();
    holdCount = stored.holdCount();
    timeOnHold = stored.timeOnHold();
    linkedToId = stored.linkedToId();
    linkedCalls = stored.linkedCalls();
    cancelReason = stored.cancelReason();
    submittedBy = stored.submittedBy();
    idempotencyKey = stored.idempotencyKey();
    requestHash = stored.requestHash();
  }

  /** The row was inserted: the case has its id now (and version 0). */
  void inserted(long storedId) {
    id = storedId;
  }

  /** The row was updated: its version counted one up. */
  void updated() {
    version++;
  }

  /** A call as the intake checked and normalised it. */
  static HelpRequest receive(NewHelpRequest call, String trackingCode, String phoneHash, String submittedBy,
      Instant now) {
    HelpRequest request = new HelpRequest();
    request.trackingCode = trackingCode;
    request.status = HelpRequestStatus.RECEIVED;
    request.callerName = call.callerName();
    request.callerPhone = call.callerPhone();
    request.callerPhoneHash = phoneHash;
    request.address = call.address();
    request.minimalUnitCode = call.minimalUnitCode();
    request.gridCode = call.gridCode();
    request.category = call.categoryValue();
    request.description = call.description();
    request.affectedPerson = call.affectedPerson();
    request.vulnerabilities = EnumCodes.join(call.vulnerabilityValues());
    request.channel = call.channelValue();
    request.receivedAt = now;
    request.timeOnHold = Duration.ZERO;
    request.submittedBy = submittedBy;
    request.record(now, TimelineEventType.RECEIVED, null, submittedBy, request.channel.name(),
        ResidentText.RECEIVED);
    return request;
  }

  /**
   * The same caller called again about the same thing while this case is open: the call is
   * kept as a case of its own, linked here, and handled with this one.
   */
  HelpRequest linkRepeatedCall(NewHelpRequest call, String trackingCode, String phoneHash, String submittedBy, Instant now) {
    requireOpen("link a repeated call to");
    HelpRequest repeated = receive(call, trackingCode, phoneHash, submittedBy, now);
    repeated.recorded.clear();
    repeated.status = HelpRequestStatus.LINKED;
    repeated.linkedToId = id;
    repeated.record(now, TimelineEventType.DUPLICATE_LINKED, null, submittedBy, "#" + id, null);
    linkedCalls++;
    return repeated;
  }

  /** The repeated call has its id now: this case's timeline points to it. */
  void repeatedCallLinked(HelpRequest repeated, Instant now) {
    record(now, TimelineEventType.DUPLICATE_LINKED, null, repeated.submittedBy, "#" + repeated.id, null);
  }

  /** Priority and deadlines from the triage table, counted from intake. */
  void triage(Triage triage, Instant now) {
    requireStatus("triage", HelpRequestStatus.RECEIVED);
    priority = triage.priority();
    responseDueAt = receivedAt.plus(triage.responseWithin());
    resolutionDueAt = receivedAt.plus(triage.resolveWithin());
    escalateEvery = triage.escalateEvery();
    medicalAlert = triage.alertMedicalTeam();
    if (medicalAlert) {
      record(now, TimelineEventType.MEDICAL_TEAM_ALERTED, null, SYSTEM, priority, null);
    }
  }

  /** The address matched no grid: an operator picks one. */
  void awaitGrid(Instant now) {
    requireStatus("wait for a grid for", HelpRequestStatus.RECEIVED);
    status = HelpRequestStatus.AWAITING_GRID;
    record(now, TimelineEventType.AWAITING_GRID, null, SYSTEM, null, null);
  }

  void assign(String grid, String actor, Instant now) {
    requireStatus("assign", HelpRequestStatus.RECEIVED, HelpRequestStatus.AWAITING_GRID);
    gridCode = grid;
    status = HelpRequestStatus.ASSIGNED;
    record(now, TimelineEventType.ASSIGNED, grid, actor, null, ResidentText.ASSIGNED);
  }

  /** A grid worker took the case; false when somebody already had. */
  boolean respond(String actor, Instant now) {
    requireStatus("respond to", HelpRequestStatus.ASSIGNED, HelpRequestStatus.IN_PROGRESS);
    if (firstResponseAt != null) {
      return false;
    }
    firstResponseAt = now;
    status = HelpRequestStatus.IN_PROGRESS;
    record(now, TimelineEventType.RESPONDED, gridCode, actor, null, null);
    return true;
  }

  /**
   * The resident asked to wait until {@code until}: the first hold of a case starts at once (true);
   * from the second on the grid leader decides first ({@link #approveHold}, {@link #refuseHold}).
   */
  boolean requestHold(String reason, Instant until, String actor, Instant now) {
    requireStatus("put on hold", HelpRequestStatus.ASSIGNED, HelpRequestStatus.IN_PROGRESS);
    holdUntil = until;
    holdReason = reason;
    if (holdCount == 0) {
      hold(actor, now);
      return true;
    }
    record(now, TimelineEventType.HOLD_REQUESTED, null, actor, reason + " (" + until + ")", null);
    return false;
  }

  /** The grid leader agreed to the requested hold: the deadlines stop from now. */
  void approveHold(String approver, Instant now) {
    requireHoldAwaitingApproval();
    hold(approver, now);
  }

  /** The grid leader refused the requested hold: the grid goes on handling the case, on the clock. */
  void refuseHold(String approver, String note, Instant now) {
    requireHoldAwaitingApproval();
    holdUntil = null;
    holdReason = null;
    record(now, TimelineEventType.HOLD_REFUSED, null, approver, note, null);
  }

  private void hold(String actor, Instant now) {
    status = HelpRequestStatus.ON_HOLD;
    heldSince = now;
    holdCount++;
    record(now, TimelineEventType.ON_HOLD, null, actor, holdReason + " (" + holdUntil + ")", null);
  }

  /** A hold the grid asked for and the grid leader has not decided on yet. */
  boolean holdAwaitingApproval() {
    return holdUntil != null && status != HelpRequestStatus.ON_HOLD;
  }

  private void requireHoldAwaitingApproval() {
    requireStatus("decide on a hold of", HelpRequestStatus.ASSIGNED, HelpRequestStatus.IN_PROGRESS);
    if (!holdAwaitingApproval()) {
      throw new ConflictException("Help request " + id + " has no hold waiting for approval");
    }
  }

  /** How much longer this case may still be on hold, of the longest total time on hold. */
  Duration holdTimeLeft(Duration longestTotal) {
    Duration left = longestTotal.minus(timeOnHold);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * The hold is over: the deadlines, and the time the level reached has before the next one,
   * move by the time on hold, so the grid and its supervisors have the time that was left.
   */
  void resume(Instant now) {
    requireStatus("resume", HelpRequestStatus.ON_HOLD);
    Duration held = Duration.between(heldSince, now);
    responseDueAt = responseDueAt.plus(held);
    resolutionDueAt = resolutionDueAt.plus(held);
    if (escalatedAt != null) {
      escalatedAt = escalatedAt.plus(held);
    }
    timeOnHold = timeOnHold.plus(held);
    status = HelpRequestStatus.IN_PROGRESS;
    heldSince = null;
    holdUntil = null;
    record(now, TimelineEventType.RESUMED, null, SYSTEM, "+" + held, null);
  }

  /** The grid worker dealt with it (resolved, medicine needed, unreachable): the hotline calls back. */
  void handle(HandlingOutcome result, String action, String actor, Instant now) {
    if (!result.finishesHandling() || result == HandlingOutcome.TRANSFERRED) {
      throw new IllegalArgumentException(result + " is not a handling result; see transfer, hold and reroute");
    }
    finishHandling(result, action, null, actor, now);
  }

  /** Another department takes it over; the hotline calls back. */
  void transfer(String department, String action, String actor, Instant now) {
    finishHandling(HandlingOutcome.TRANSFERRED, action, department, actor, now);
  }

  private void finishHandling(HandlingOutcome result, String action, String department, String actor, Instant now) {
    requireStatus("handle", HelpRequestStatus.ASSIGNED, HelpRequestStatus.IN_PROGRESS);
    status = HelpRequestStatus.HANDLED;
    outcome = result;
    actionTaken = action;
    transferredTo = department;
    handledAt = now;
    record(now, TimelineEventType.HANDLED, result.name(), actor, action, ResidentText.HANDLED);
  }

  /** Another grid takes over; the deadlines stay counted from intake. */
  void reroute(String grid, String actor, Instant now) {
    requireStatus("reroute", HelpRequestStatus.ASSIGNED, HelpRequestStatus.IN_PROGRESS);
    record(now, TimelineEventType.REROUTED, grid, actor, gridCode + " → " + grid, null);
    gridCode = grid;
    status = HelpRequestStatus.ASSIGNED;
    firstResponseAt = null;
  }

  void escalate(EscalationLevel level, Instant now) {
    requireOpen("escalate");
    escalationLevel = level;
    escalatedAt = now;
    record(now, TimelineEventType.ESCALATED, level.name(), SYSTEM, level.label(), null);
  }

  /** When the level the case was escalated to has to act before it goes one level up. */
  Instant nextLevelDue() {
    return escalatedAt.plus(Deadlines.parse(escalateEvery));
  }

  /** When the community or street office reached has had its time; null at other levels. */
  Instant nextLevelDueOrNull() {
    return escalationLevel == EscalationLevel.COMMUNITY || escalationLevel == EscalationLevel.STREET
        ? nextLevelDue() : null;
  }

  void supervise(EscalationLevel level, String actor, String note, Instant now) {
    record(now, TimelineEventType.SUPERVISED, level.name(), actor, note, null);
  }

  void medicalTeamOverdue(Instant now) {
    record(now, TimelineEventType.MEDICAL_TEAM_OVERDUE, EscalationLevel.DISTRICT.name(), SYSTEM, EscalationLevel.DISTRICT.label(), null);
  }

  void medicalTeamResponded(String actor, String note, Instant now) {
    record(now, TimelineEventType.MEDICAL_TEAM_RESPONDED, null, actor, note, null);
  }

  /**
   * The hotline called the resident back. Satisfied: closed. Not satisfied: back to the grid
   * with a fresh resolution window. Not reached: tried again, closed after the last try.
   */
  CallbackResult recordCallback(boolean reached, boolean satisfied, String note, String actor, Instant now) {
    requireStatus("record a call-back for", HelpRequestStatus.HANDLED);
    callbackAttempts++;
    String heard = reached ? (satisfied ? "满意" : "不满意") : "未接通";
    record(now, TimelineEventType.CALLBACK, String.valueOf(callbackAttempts), actor,
        heard + (note == null || note.isBlank() ? "" : ": " + note.strip()), null);
    if (reached && satisfied) {
      close(HelpRequestStatus.CLOSED, TimelineEventType.CLOSED, actor, now);
      return CallbackResult.CLOSE;
    }
    if (reached) {
      resolutionDueAt = now.plus(Duration.between(receivedAt, resolutionDueAt));
      status = HelpRequestStatus.IN_PROGRESS;
      handledAt = null;
      outcome = null;
      escalationLevel = null;
      escalatedAt = null;
      record(now, TimelineEventType.RETURNED_TO_GRID, gridCode, actor, note, null);
      return CallbackResult.RETURN_TO_GRID;
    }
    if (callbackAttempts < CALLBACK_TRIES) {
      return CallbackResult.TRY_AGAIN;
    }
    close(HelpRequestStatus.CLOSED_UNREACHABLE, TimelineEventType.CLOSED_UNREACHABLE, actor, now);
    return CallbackResult.CLOSE_UNREACHABLE;
  }

  private void close(HelpRequestStatus closed, TimelineEventType event, String actor, Instant now) {
    status = closed;
    closedAt = now;
    record(now, event, null, actor, null, ResidentText.CLOSED);
  }

  /** Refuses, as {@link #cancel} would, a case that is no longer open. */
  void checkCancellable() {
    requireOpen("cancel");
  }

  /** Withdrawn by the resident or the partner who sent it; only while it is open. */
  void cancel(String reason, String actor, Instant now) {
    requireOpen("cancel");
    status = HelpRequestStatus.CANCELLED;
    cancelReason = reason;
    closedAt = now;
    record(now, TimelineEventType.CANCELLED, null, actor, reason, ResidentText.CANCELLED);
  }

  /** The outside system's Idempotency-Key and a hash of its request, to answer a retry alike. */
  void rememberRequest(String key, String hash) {
    idempotencyKey = key;
    requestHash = hash;
  }

  private void requireOpen(String action) {
    if (!status.isOpen()) {
      throw new ConflictException("Cannot " + action + " help request " + id + ": it is already " + status);
    }
  }

  private void requireStatus(String action, HelpRequestStatus... allowed) {
    for (HelpRequestStatus candidate : allowed) {
      if (status == candidate) {
        return;
      }
    }
    throw new ConflictException("Cannot " + action + " help request " + id + " while it is " + status);
  }

  private void record(Instant at, TimelineEventType type, String level, String actor, String detail,
      ResidentText message) {
    recorded.add(new Recorded(new TimelineEvent(at, type, level, actor, detail), message));
  }

  /** The changes since the last save, handed to the repository once. */
  List<Recorded> takeRecorded() {
    List<Recorded> taken = List.copyOf(recorded);
    recorded.clear();
    return taken;
  }

  Long id() {
    return id;
  }

  int version() {
    return version;
  }

  String trackingCode() {
    return trackingCode;
  }

  HelpRequestStatus status() {
    return status;
  }

  String callerName() {
    return callerName;
  }

  String callerPhone() {
    return callerPhone;
  }

  String callerPhoneHash() {
    return callerPhoneHash;
  }

  String address() {
    return address;
  }

  String minimalUnitCode() {
    return minimalUnitCode;
  }

  String gridCode() {
    return gridCode;
  }

  Category category() {
    return category;
  }

  String description() {
    return description;
  }

  String affectedPerson() {
    return affectedPerson;
  }

  List<Vulnerability> vulnerabilities() {
    return EnumCodes.parse(Vulnerability.class, vulnerabilities);
  }

  /** The vulnerability codes as stored, comma-separated. */
  String vulnerabilityCodes() {
    return vulnerabilities;
  }

  Channel channel() {
    return channel;
  }

  String priority() {
    return priority;
  }

  boolean medicalAlert() {
    return medicalAlert;
  }

  Instant receivedAt() {
    return receivedAt;
  }

  Instant responseDueAt() {
    return responseDueAt;
  }

  Instant resolutionDueAt() {
    return resolutionDueAt;
  }

  String escalateEvery() {
    return escalateEvery;
  }

  EscalationLevel escalationLevel() {
    return escalationLevel;
  }

  Instant escalatedAt() {
    return escalatedAt;
  }

  Instant firstResponseAt() {
    return firstResponseAt;
  }

  Instant handledAt() {
    return handledAt;
  }

  Instant closedAt() {
    return closedAt;
  }

  HandlingOutcome outcome() {
    return outcome;
  }

  String actionTaken() {
    return actionTaken;
  }

  String transferredTo() {
    return transferredTo;
  }

  int callbackAttempts() {
    return callbackAttempts;
  }

  Instant heldSince() {
    return heldSince;
  }

  Instant holdUntil() {
    return holdUntil;
  }

  String holdReason() {
    return holdReason;
  }

  int holdCount() {
    return holdCount;
  }

  Duration timeOnHold() {
    return timeOnHold;
  }

  Long linkedToId() {
    return linkedToId;
  }

  int linkedCalls() {
    return linkedCalls;
  }

  String cancelReason() {
    return cancelReason;
  }

  String submittedBy() {
    return submittedBy;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  String requestHash() {
    return requestHash;
  }
}
