package org.gridaid.helprequest;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.gridaid.medicine.MedicineDeliveryService;
import org.gridaid.messaging.TextMessages;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.organisation.GridResolution;
import org.gridaid.organisation.StaffService;
import org.gridaid.security.Requester;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.engine.EngineJobs;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.engine.CancellationMessage;
import org.gridaid.shared.engine.EngineErrors;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.shared.jdbc.TransactionScope;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hotline module's command service. Each command loads the case, calls one transition of
 * the {@link HelpRequest} aggregate and saves it with its timeline and messages; commands that
 * come from outside the engine (intake, cancel, hold, resume) make their engine call in the
 * same transaction, so the case and the process change together or not at all. The process's
 * delegates and task listeners call the other commands inside the engine's transaction.
 */
@Service
public class HelpRequestService {

  private static final Logger log = LoggerFactory.getLogger(HelpRequestService.class);

  private final HelpRequests cases;
  private final HelpRequestTimeline timeline;
  private final TextMessages messages;
  private final AreaDirectory areas;
  private final StaffService staff;
  private final PersonalDataCipher cipher;
  private final Validator validator;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final EngineJobs engineJobs;
  private final TransactionTemplate transaction;
  private final HoldSettings holds;
  private final MedicineDeliveryService medicine;
  private final Clock clock;
  private final EscalationCounter escalations;

  HelpRequestService(HelpRequests cases, HelpRequestTimeline timeline, TextMessages messages,
      AreaDirectory areas, StaffService staff, PersonalDataCipher cipher, Validator validator, RuntimeService runtime,
      TaskService tasks, ManagementService management, EngineJobs engineJobs, TransactionTemplate transaction,
      HoldSettings holds, MedicineDeliveryService medicine, Clock clock, EscalationCounter escalations) {
    this.cases = cases;
    this.timeline = timeline;
    this.messages = messages;
    this.areas = areas;
    this.staff = staff;
    this.cipher = cipher;
    this.validator = validator;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.engineJobs = engineJobs;
    this.transaction = transaction;
    this.holds = holds;
    this.medicine = medicine;
    this.clock = clock;
    this.escalations = escalations;
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * The case. Inside a transaction, every step of it shares one copy: the process registers,
   * triages, routes and opens the first task in one transaction, and each step would otherwise
   * read the case again.
   */
  HelpRequest get(long id) {
    Map<Long, HelpRequest> loaded = loadedInThisTransaction();
    HelpRequest known = loaded == null ? null : loaded.get(id);
    if (known != null) {
      return known;
    }
    HelpRequest request = cases.findById(id)
        .orElseThrow(() -> new NotFoundException("Help request", String.valueOf(id)));
    if (loaded != null) {
      loaded.put(id, request);
    }
    return request;
  }

  private static Map<Long, HelpRequest> loadedInThisTransaction() {
    return TransactionScope.resource(HelpRequestService.class, HashMap::new);
  }

  Optional<HelpRequest> findByTrackingCode(String code) {
    return cases.findByTrackingCode(code);
  }

  /** The case's timeline, with the steps of the medicine deliveries it asked for. */
  List<TimelineEvent> timeline(long id) {
    List<TimelineEvent> events = new ArrayList<>(timeline.of(id));
    medicine.stepsOf(id).forEach(step -> events.add(new TimelineEvent(step.at(), TimelineEventType.MEDICINE_DELIVERY,
        "#" + step.deliveryId(), step.actor(), step.type().text())));
    events.sort(Comparator.comparing(TimelineEvent::at));
    return events;
  }

  /** A page of the cases in the coverage, newest first; {@code overdue}: on the clock and past a deadline. */
  Page<HelpRequest> search(Coverage coverage, String gridCode, HelpRequestStatus status, boolean overdue,
      int page, int size) {
    return cases.search(coverage, gridCode, status, overdue ? now() : null, page, size);
  }

  // ---- intake ----------------------------------------------------------------------------

  /** The stored case, and whether this answer repeats an earlier one for the same key. */
  record Submitted(HelpRequest request, boolean replayed) {}

  /**
   * The call is stored (登记诉求 commits on its own); triage and routing follow as the process's
   * next job. For a caller waiting on the line it runs at once, here, unless a job executor
   * took it first; if it fails (a broken triage table), the call stays stored and the job is
   * tried again, then shows as an incident to fix. The caller gets the case as it stands, never
   * a 500.
   */
  private void continueNow(long id) {
    var process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
        .processDefinitionKey(HelpRequestProcess.KEY).singleResult();
    if (process == null) {
      return;
    }
    for (Job next : management.createJobQuery().processInstanceId(process.getId())
        .activityId(HelpRequestProcess.STEP_REGISTER).executable().list()) {
      try {
        engineJobs.runNowUnlessTaken(next.getId());
      } catch (RuntimeException e) {
        // whatever failed (a FEEL error of the table is no engine exception), the engine has
        // counted the try on the job already
        log.warn("Help request {} is stored; its triage and routing failed and will be tried again: {}", id,
            e.getMessage());
      }
    }
  }

  /**
   * Checks the request, honours the Idempotency-Key, and starts the process, which registers,
   * triages and routes the case in the same transaction. The caller's details reach the case
   * table, never the engine's variables.
   */
  Submitted submit(NewHelpRequest command, String submittedBy, String idempotencyKey, String requestHash) {
    Optional<Submitted> replay = replay(submittedBy, idempotencyKey, requestHash);
    if (replay.isPresent()) {
      return replay.get();
    }
    NewHelpRequest call = check(command);
    try {
      long id = Objects.requireNonNull(transaction.execute(status -> {
        handOver(call, submittedBy);
        var instance = runtime.startProcessInstanceByKey(HelpRequestProcess.KEY, startVariables(call));
        long created = Long.parseLong(instance.getBusinessKey());
        if (idempotencyKey != null) {
          HelpRequest request = get(created);
          request.rememberRequest(idempotencyKey, requestHash);
          save(request);
        }
        return created;
      }));
      continueNow(id);
      return new Submitted(get(id), false);
    } catch (DataIntegrityViolationException e) {
      // the same key raced in on another thread or node: answer as that request was answered
      return replay(submittedBy, idempotencyKey, requestHash).orElseThrow(() -> e);
    }
  }

  private Optional<Submitted> replay(String submittedBy, String key, String requestHash) {
    if (key == null) {
      return Optional.empty();
    }
    return cases.findBySubmittedByAndIdempotencyKey(submittedBy, key).map(earlier -> {
      if (!earlier.requestHash().equals(requestHash)) {
        throw new ConflictException("Idempotency-Key '" + key + "' was already used for a different request");
      }
      return new Submitted(earlier, true);
    });
  }

  /** Only what routing reads: the request itself never passes through the engine's variables. */
  private static VariableMap startVariables(NewHelpRequest call) {
    return io.holunda.camunda.bpm.data.CamundaBpmData.builder()
        .set(HelpRequestProcess.CATEGORY, call.category())
        .set(HelpRequestProcess.GRID_CODE, call.gridCode())
        .build();
  }

  /** A request the REST intake checked, waiting in its transaction for the process's first step. */
  record Handover(NewHelpRequest call, String submittedBy) {}

  /**
   * Hands a checked request to the process this transaction starts next. In-process only: an
   * engine API caller cannot pass something off as checked, nor as sent by somebody else.
   */
  private static void handOver(NewHelpRequest call, String submittedBy) {
    handovers().set(new Handover(call, submittedBy));
  }

  /** The request handed over in this transaction, once. */
  Optional<Handover> takeHandover() {
    AtomicReference<Handover> handover = handovers();
    return Optional.ofNullable(handover == null ? null : handover.getAndSet(null));
  }

  private static AtomicReference<Handover> handovers() {
    return TransactionScope.resource(Handover.class, AtomicReference::new);
  }

  /**
   * Every fault of a new request at once, in the names of the API and the start form; the
   * request as it is registered when there is none.
   */
  NewHelpRequest check(NewHelpRequest command) {
    FormCheck check = FormCheck.of(validator, command);
    String address = trimmed(command.address());
    String unit = trimmed(command.minimalUnitCode());
    String grid = trimmed(command.gridCode());
    if (address == null && unit == null && grid == null) {
      check.reject("address", "one of address, minimalUnitCode or gridCode is required");
    }
    if (unit != null && areas.minimalUnit(unit).isEmpty()) {
      check.reject("minimalUnitCode", "is not a known minimal unit");
    }
    if (grid != null && !areas.isGrid(grid)) {
      check.reject("gridCode", "is not a known grid");
    }
    check.orThrow();
    return command.normalised();
  }

  /** The registered case, or the open case a repeated call was linked to. */
  record Registration(long id, Long linkedToId) {}

  /**
   * Stores the call. A call from the same phone about the same thing while a case is open is
   * kept too, but linked to that case instead of starting a second handling chain, when its
   * sender may see that case (see {@link #mayLink}); otherwise it is a case of its own.
   */
  @Transactional
  public Registration register(NewHelpRequest command, String submittedBy) {
    return registerChecked(check(command), submittedBy);
  }

  /** {@link #register} of a request {@link #check} already passed (the REST intake's). */
  Registration registerChecked(NewHelpRequest call, String submittedBy) {
    Instant now = now();
    String phoneHash = cipher.lookupHash(call.callerPhone());
    Optional<HelpRequest> open = cases.findFirstByPhone(phoneHash, call.categoryValue(),
        HelpRequestStatus.openCodes());
    if (open.isPresent() && mayLink(submittedBy, open.get())) {
      HelpRequest repeated = save(open.get().linkRepeatedCall(call, TrackingCodes.next(), phoneHash, submittedBy,
          now));
      open.get().repeatedCallLinked(repeated, now);
      save(open.get());
      log.info("Help request {} linked to open request {}", repeated.id(), open.get().id());
      return new Registration(repeated.id(), open.get().id());
    }
    HelpRequest request = save(HelpRequest.receive(call, TrackingCodes.next(), phoneHash, submittedBy, now));
    log.info("Help request {} received ({}, {})", request.id(), request.category(), request.channel());
    open.ifPresent(other -> {
      // notes beside the two cases, not changes of them: the open case's version stays, so
      // nobody working it meanwhile makes this call fail (and so tell its sender)
      timeline.append(request.id(), List.of(new TimelineEvent(now, TimelineEventType.SAME_CALLER_OPEN_CASE, null,
          submittedBy, "#" + other.id())));
      timeline.append(other.id(), List.of(new TimelineEvent(now, TimelineEventType.SAME_CALLER_OPEN_CASE, null,
          submittedBy, "#" + request.id())));
      log.info("Help request {} has the caller of open request {}; kept apart", request.id(), other.id());
    });
    return new Registration(request.id(), null);
  }

  /**
   * Whether a repeated call is linked to the open case of the same phone: only when its sender
   * may see that case, the outside system that sent it or staff who cover its grid (the hotline
   * covers the district). Anybody else would learn from the answer that this phone has an open
   * case (its id, its status "linked", no deadlines) and put their text into another grid's
   * case. Their call is a case of its own instead, answered exactly as any new one, and staff
   * who may see both cases find them pointed at each other ({@link TimelineEventType#SAME_CALLER_OPEN_CASE}).
   */
  private boolean mayLink(String submittedBy, HelpRequest open) {
    return submittedBy.equals(open.submittedBy())
        || staff.find(submittedBy).map(staff::coverageOf).orElse(Coverage.NOWHERE).covers(open.gridCode());
  }

  /**
   * Whether a staff member may see the other case a {@link TimelineEventType#SAME_CALLER_OPEN_CASE}
   * entry points to: they cover its grid. Outside systems never see these entries.
   */
  /**
   * The case as the requester may see it: the caller's details for those who work it, and the
   * timeline's entries about other cases only where the requester covers them.
   */
  HelpRequestView view(HelpRequest request, Requester requester) {
    boolean staffView = CaseAction.seesPersonalData(requester, request);
    List<TimelineEvent> events = timeline(request.id()).stream()
        .filter(e -> !staffView || seesOtherCase(e, requester.coverage())).toList();
    return HelpRequestView.of(request, events, staffView, now());
  }

  boolean seesOtherCase(TimelineEvent entry, Coverage coverage) {
    if (entry.type() != TimelineEventType.SAME_CALLER_OPEN_CASE) {
      return true;
    }
    long other = Long.parseLong(entry.detail().substring(1));
    return cases.findById(other).map(o -> coverage.covers(o.gridCode())).orElse(false);
  }

  // ---- the process's steps ---------------------------------------------------------------

  /** Where the case went and by when it must be answered. {@code gridCode} null: pick by hand. */
  /** Where the case goes, by when, and how far up the chain it has already climbed (null: not at all). */
  record Routing(String gridCode, String communityCode, String streetCode, String priority, Instant responseDue,
      Instant resolutionDue, String escalateEvery, boolean medicalAlert, EscalationLevel escalationReached,
      Instant nextLevelDue) {}

  @Transactional
  public Routing route(long id, Triage triage) {
    HelpRequest request = get(id);
    Instant now = now();
    request.triage(triage, now);
    Optional<GridResolution> grid = resolve(request);
    if (grid.isEmpty()) {
      request.awaitGrid(now);
    } else {
      request.assign(grid.get().gridCode(), HelpRequest.SYSTEM, now);
    }
    return routing(save(request));
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
    String grid = knownGrid("pickedGridCode", gridCode);
    HelpRequest request = get(id);
    request.assign(grid, actor, now());
    return routing(save(request));
  }

  private Routing routing(HelpRequest request) {
    String grid = request.gridCode();
    return new Routing(grid, enclosing(grid, AreaLevel.COMMUNITY), enclosing(grid, AreaLevel.STREET),
        request.priority(), request.responseDueAt(), request.resolutionDueAt(), request.escalateEvery(),
        request.medicalAlert(), request.escalationLevel(), request.nextLevelDueOrNull());
  }

  private String enclosing(String gridCode, AreaLevel level) {
    return gridCode == null ? null : areas.enclosing(gridCode, level).map(Area::code).orElse(null);
  }

  private String knownGrid(String field, String gridCode) {
    String grid = trimmed(gridCode);
    if (!areas.isGrid(grid)) {
      throw new InvalidInputException(field, "is not a known grid");
    }
    return grid;
  }

  /** A grid worker took the case (claimed it in Tasklist or recorded an outcome). */
  @Transactional
  public boolean respond(long id, String actor) {
    HelpRequest request = get(id);
    if (!request.respond(actor, now())) {
      return false;
    }
    save(request);
    return true;
  }

  @Transactional
  public HelpRequest escalate(long id, EscalationLevel level) {
    HelpRequest request = get(id);
    request.escalate(level, now());
    log.info("Help request {} escalated to {}", id, level);
    HelpRequest saved = save(request);
    escalations.escalated(level);
    return saved;
  }

  @Transactional
  public void supervise(long id, EscalationLevel level, String actor, String note) {
    HelpRequest request = get(id);
    request.supervise(level, actor, note, now());
    save(request);
  }

  @Transactional
  public void medicalTeamOverdue(long id) {
    HelpRequest request = get(id);
    request.medicalTeamOverdue(now());
    save(request);
  }

  @Transactional
  public void medicalTeamResponded(long id, String actor, String note) {
    HelpRequest request = get(id);
    request.medicalTeamResponded(actor, note, now());
    save(request);
  }

  /**
   * Records the grid worker's outcome. Checked before the task completes: a bad form is
   * refused with every field at fault and the task stays open.
   */
  @Transactional
  public HelpRequest recordHandling(long id, HandlingForm form, String actor) {
    Instant now = now();
    HelpRequest request = get(id);
    HandlingForm.Checked handling = form.check(validator, areas::isGrid,
        request.holdTimeLeft(holds.longestTotal()), now);
    request.respond(actor, now);
    switch (handling.outcome()) {
      case ON_HOLD -> request.requestHold(handling.holdReason(), handling.resumeAt(), actor, now);
      case TRANSFERRED -> request.transfer(handling.transferredTo(), handling.actionTaken(), actor, now);
      case REROUTE -> { } // the reroute step moves the case, after the handling ends
      default -> request.handle(handling.outcome(), handling.actionTaken(), actor, now);
    }
    if (handling.outcome() == HandlingOutcome.NEEDS_MEDICINE) {
      // the delivery starts with the handling; the case waits for it before its call-back
      medicine.requestForHelpRequest(new MedicineDeliveryService.FromHelpRequest(id, request.callerName(),
          request.callerPhone(), request.address() != null ? request.address() : request.gridCode(),
          request.gridCode(), handling.actionTaken(), Triage.isUrgent(request.priority()), actor));
    }
    return save(request);
  }

  /**
   * The grid leader's decision on a second hold. Approving it checks the hold again, as time
   * went by: it may not take the case past the longest total time on hold.
   */
  @Transactional
  public HelpRequest decideHold(long id, boolean approved, String note, String actor) {
    Instant now = now();
    HelpRequest request = get(id);
    if (!approved) {
      request.refuseHold(actor, note, now);
      return save(request);
    }
    Instant latest = now.plus(request.holdTimeLeft(holds.longestTotal()));
    if (request.holdAwaitingApproval() && request.holdUntil().isAfter(latest)) {
      throw new InvalidInputException(HelpRequestProcess.Forms.APPROVE_HOLD.getName(),
          "cannot be yes: the hold asked for ends after " + FormDates.format(latest)
              + ", past the longest time a case may be on hold in all");
    }
    request.approveHold(actor, now);
    return save(request);
  }

  /** The hold is over: handling resumes with the time that was left. */
  @Transactional
  public Routing resume(long id) {
    HelpRequest request = get(id);
    request.resume(now());
    return routing(save(request));
  }

  /** Another grid takes over; the deadlines stay counted from intake. */
  @Transactional
  public Routing reroute(long id, String gridCode, String actor) {
    String grid = knownGrid("newGridCode", gridCode);
    HelpRequest request = get(id);
    request.reroute(grid, actor, now());
    return routing(save(request));
  }

  /** What the call-back form sent, and what happens next. */
  @Transactional
  public CallbackResult recordCallback(long id, boolean reached, boolean satisfied, String note, String actor) {
    HelpRequest request = get(id);
    CallbackResult result = request.recordCallback(reached, satisfied, note, actor, now());
    save(request);
    return result;
  }

  // ---- commands from the API that drive the engine ------------------------------------------

  /** Cancels an open case and ends every task of it, together. */
  @Transactional
  public HelpRequest cancel(long id, String reason, String actor) {
    get(id).checkCancellable();
    // the process records the cancellation itself (记录撤销) as it ends every open task
    CancellationMessage.send(runtime, HelpRequestProcess.MESSAGE_CANCELLED, String.valueOf(id), reason, actor,
        "help request " + id);
    return get(id);
  }

  /** 记录撤销: the step of the process that withdraws the case. */
  @Transactional
  public void recordCancellation(long id, String reason, String actor) {
    HelpRequest request = get(id);
    request.cancel(reason, actor, now());
    save(request);
  }


  /**
   * The phone app's hold: whoever handles the case (the caller checked that: {@link CaseAction})
   * takes the grid's handling task, if somebody else has it, and completes it with ON_HOLD, as
   * the form in Tasklist does; the task and the timeline name them.
   */
  @Transactional
  public void hold(long id, String reason, String resumeAt, String actor) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(HelpRequestProcess.TASK_HANDLE_REQUEST).singleResult();
    if (task == null) {
      throw new ConflictException("Help request " + id + " is not waiting for the grid");
    }
    try {
      if (!actor.equals(task.getAssignee())) {
        tasks.setAssignee(task.getId(), actor);
      }
      tasks.complete(task.getId(), Map.of(HelpRequestProcess.Forms.OUTCOME.getName(), HandlingOutcome.ON_HOLD.name(),
          HelpRequestProcess.Forms.HOLD_REASON.getName(), reason,
          HelpRequestProcess.Forms.RESUME_AT.getName(), resumeAt));
    } catch (ProcessEngineException e) {
      throw EngineErrors.asInputError(e);
    }
  }

  /** The resident is ready before the agreed time. */
  @Transactional
  public void resumeNow(long id) {
    var waiting = runtime.createExecutionQuery().processInstanceBusinessKey(String.valueOf(id))
        .messageEventSubscriptionName(HelpRequestProcess.MESSAGE_RESUMED).count();
    if (waiting == 0) {
      throw new ConflictException("Help request " + id + " is not on hold");
    }
    runtime.createMessageCorrelation(HelpRequestProcess.MESSAGE_RESUMED)
        .processInstanceBusinessKey(String.valueOf(id)).correlate();
  }

  /** Saves the case, then appends its new timeline entries and queues the messages they send. */
  private HelpRequest save(HelpRequest request) {
    List<HelpRequest.Recorded> recorded = request.takeRecorded();
    HelpRequest saved = cases.save(request);
    Map<Long, HelpRequest> loaded = loadedInThisTransaction();
    if (loaded != null) {
      loaded.put(saved.id(), saved);
    }
    timeline.append(saved.id(), recorded.stream().map(HelpRequest.Recorded::event).toList());
    recorded.stream().map(HelpRequest.Recorded::message).filter(Objects::nonNull)
        .forEach(message -> tellResident(saved, message));
    return saved;
  }

  /** Queues the resident's text message, in this transaction: it goes out only if the change commits. */
  private void tellResident(HelpRequest request, ResidentText text) {
    String gridName = request.gridCode() == null ? "" : areas.find(request.gridCode()).map(Area::name).orElse("");
    messages.queue(ResidentText.owner(request.id()), request.callerPhone(), text.name(),
        text.render(request.trackingCode(), gridName));
  }
}
