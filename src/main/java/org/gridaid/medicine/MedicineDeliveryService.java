package org.gridaid.medicine;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.gridaid.messaging.MessageOwner;
import org.gridaid.messaging.TextMessages;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.organisation.GridResolution;
import org.gridaid.register.Residents;
import org.gridaid.shared.engine.CancellationMessage;
import org.gridaid.shared.engine.EngineErrors;
import org.gridaid.shared.jdbc.TransactionScope;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.shared.web.Problems.FieldError;
import org.gridaid.supplies.ItemCategory;
import org.gridaid.supplies.Reference;
import org.gridaid.supplies.ReferenceType;
import org.gridaid.supplies.Reservation;
import org.gridaid.supplies.SiteKind;
import org.gridaid.supplies.StockLedger;
import org.gridaid.supplies.SupplyItem;
import org.gridaid.supplies.SupplyItems;
import org.gridaid.supplies.SupplySite;
import org.gridaid.supplies.SupplySites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The medicine module's command service. Each command loads the delivery, calls one transition
 * of {@link MedicineDelivery}, makes the stock ledger's moves that go with it and saves, with
 * the timeline and the recipient's messages, in one transaction. Commands from outside the
 * engine (a request, a cancellation, a courier's phone app) make their engine call in that
 * transaction; the process's delegates and task listeners call the others inside the engine's.
 */
@Service
public class MedicineDeliveryService {

  private static final Logger log = LoggerFactory.getLogger(MedicineDeliveryService.class);
  private static final String OWNER_TYPE = "MEDICINE_DELIVERY";
  /** Where medicine is kept: the pharmacies of the streets and the district's warehouse. */
  private static final EnumSet<SiteKind> MEDICINE_SITES = EnumSet.of(SiteKind.PHARMACY, SiteKind.WAREHOUSE);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MedicineDeliveries deliveries;
  private final DeliveryTimeline timeline;
  private final TextMessages messages;
  private final AreaDirectory areas;
  private final Residents residents;
  private final StockLedger ledger;
  private final SupplyItems items;
  private final SupplySites sites;
  private final Validator validator;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final MedicineSettings settings;
  private final Clock clock;

  MedicineDeliveryService(MedicineDeliveries deliveries, DeliveryTimeline timeline, TextMessages messages,
      AreaDirectory areas, Residents residents, StockLedger ledger, SupplyItems items, SupplySites sites,
      Validator validator, RuntimeService runtime, TaskService tasks, ManagementService management,
      TransactionTemplate transaction, ApplicationEventPublisher events, MedicineSettings settings, Clock clock) {
    this.deliveries = deliveries;
    this.timeline = timeline;
    this.messages = messages;
    this.areas = areas;
    this.residents = residents;
    this.ledger = ledger;
    this.items = items;
    this.sites = sites;
    this.validator = validator;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.transaction = transaction;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  MedicineSettings settings() {
    return settings;
  }

  /** The delivery, as loaded once per transaction: every step of one engine command sees the same. */
  MedicineDelivery get(long id) {
    Map<Long, MedicineDelivery> loaded = TransactionScope.resource(MedicineDeliveryService.class, HashMap::new);
    MedicineDelivery known = loaded == null ? null : loaded.get(id);
    if (known != null) {
      return known;
    }
    MedicineDelivery delivery = deliveries.findById(id)
        .orElseThrow(() -> new NotFoundException("Medicine delivery", String.valueOf(id)));
    if (loaded != null) {
      loaded.put(id, delivery);
    }
    return delivery;
  }

  List<DeliveryEvent> timeline(long id) {
    return timeline.of(id);
  }

  // ---- requests ------------------------------------------------------------------------------

  /** The stored delivery, and whether this answer repeats an earlier one for the same key. */
  record Submitted(MedicineDelivery delivery, boolean replayed) {}

  /**
   * A request over REST: checked field by field, once per Idempotency-Key, stored and its process
   * started together. The pharmacy's and the stock's first steps run at once for the caller.
   */
  Submitted request(NewMedicineRequest command, String requestedBy, String idempotencyKey, String requestHash) {
    Optional<Submitted> replay = replay(requestedBy, idempotencyKey, requestHash);
    if (replay.isPresent()) {
      return replay.get();
    }
    MedicineDelivery.Request request = check(command, requestedBy);
    try {
      long id = Objects.requireNonNull(transaction.execute(status -> {
        MedicineDelivery delivery = MedicineDelivery.request(request, newConfirmationCode(), now());
        if (idempotencyKey != null) {
          delivery.rememberRequest(idempotencyKey, requestHash);
        }
        save(delivery);
        start(delivery);
        return delivery.id();
      }));
      continueNow(id);
      return new Submitted(get(id), false);
    } catch (DataIntegrityViolationException e) {
      // the same key raced in on another thread or node: answer as that request was answered
      return replay(requestedBy, idempotencyKey, requestHash).orElseThrow(() -> e);
    }
  }

  private Optional<Submitted> replay(String requestedBy, String key, String requestHash) {
    if (key == null) {
      return Optional.empty();
    }
    return deliveries.findByRequestedByAndIdempotencyKey(requestedBy, key).map(earlier -> {
      if (!earlier.requestHash().equals(requestHash)) {
        throw new ConflictException("Idempotency-Key '" + key + "' was already used for a different request");
      }
      return new Submitted(earlier, true);
    });
  }

  /** Every fault of a REST request at once, named by field; the request resolved when there is none. */
  private MedicineDelivery.Request check(NewMedicineRequest command, String requestedBy) {
    FormCheck check = FormCheck.of(validator, command);
    MedicineDelivery.Recipient recipient = null;
    String grid = trimmed(command.gridCode());
    if (command.personId() != null) {
      var contact = residents.contact(command.personId());
      if (contact.isEmpty()) {
        check.reject("personId", "is not a person of the register");
      } else if (contact.get().phone() == null) {
        check.reject("personId", "has no phone in the register: give recipientPhone");
      } else {
        var person = contact.get();
        recipient = new MedicineDelivery.Recipient(person.name(), person.phone(), person.address());
        grid = grid == null ? contact.get().gridCode() : grid;
      }
    } else {
      for (String field : List.of("recipientName", "recipientPhone", "recipientAddress")) {
        if (trimmed(switch (field) {
          case "recipientName" -> command.recipientName();
          case "recipientPhone" -> command.recipientPhone();
          default -> command.recipientAddress();
        }) == null) {
          check.reject(field, "is required without personId");
        }
      }
      if (!check.failed("recipientName") && !check.failed("recipientPhone") && !check.failed("recipientAddress")) {
        recipient = new MedicineDelivery.Recipient(command.recipientName().strip(), command.phone(),
            command.recipientAddress().strip());
      }
    }
    Optional<GridResolution> resolved = Optional.empty();
    if (grid != null) {
      resolved = areas.resolveCode(grid);
      if (resolved.isEmpty() || !areas.isGrid(grid)) {
        check.reject("gridCode", "is not a known grid");
      }
    } else if (recipient != null) {
      resolved = areas.resolveAddress(recipient.address());
      if (resolved.isEmpty()) {
        check.reject("recipientAddress", "matches no grid: give gridCode");
      }
    }
    List<MedicineDelivery.NewLine> lines = new ArrayList<>();
    List<NewMedicineRequest.Line> asked = command.lines() == null ? List.of() : command.lines();
    for (int i = 0; i < asked.size(); i++) {
      NewMedicineRequest.Line line = asked.get(i);
      String field = "lines[" + i + "]";
      if (line == null || check.failed(field + ".itemCode") || check.failed(field + ".quantity")) {
        continue;
      }
      Optional<SupplyItem> item = items.find(line.itemCode().strip());
      if (item.isEmpty()) {
        check.reject(field + ".itemCode", "is not an item of the catalogue");
      } else if (item.get().prescriptionOnly() && trimmed(line.prescribedBy()) == null) {
        check.reject(field + ".prescribedBy", "is required for a prescription-only medicine: who prescribed it");
      } else {
        lines.add(new MedicineDelivery.NewLine(item.get().code(), line.quantity(), item.get().prescriptionOnly(),
            item.get().coldChain(), trimmed(line.prescribedBy())));
      }
    }
    String street = resolved.map(r -> r.codeAt(AreaLevel.STREET)).orElse(null);
    String site = trimmed(command.siteCode());
    if (site != null && street != null) {
      checkSite(check, site, street, resolved.get());
    }
    check.orThrow();
    GridResolution where = resolved.orElseThrow();
    return new MedicineDelivery.Request(DeliverySource.API, null, command.personId(), recipient, where.gridCode(),
        street, command.urgencyValue(), trimmed(command.note()), site, lines, requestedBy);
  }

  /** A site the requester names must serve the recipient: one of their street, or of the district. */
  private void checkSite(FormCheck check, String siteCode, String street, GridResolution where) {
    Optional<SupplySite> site = sites.find(siteCode);
    if (site.isEmpty() || !MEDICINE_SITES.contains(site.get().kind())) {
      check.reject("siteCode", "is not a pharmacy or warehouse");
      return;
    }
    String district = where.codeAt(AreaLevel.DISTRICT);
    String siteArea = site.get().areaCode();
    boolean inStreet = siteArea.equals(street) || areas.enclosing(siteArea, AreaLevel.STREET).map(Area::code)
        .filter(street::equals).isPresent();
    if (!inStreet && !siteArea.equals(district)) {
      check.reject("siteCode", "is a site of another street");
    }
  }

  /** What a help request hands over when its grid worker chose 需要送药. */
  public record FromHelpRequest(long helpRequestId, String recipientName, String recipientPhone,
      String recipientAddress, String gridCode, String whatIsNeeded, boolean urgent, String requestedBy) {}

  /**
   * A delivery for a help request, started in the help request's transaction: the pharmacy lists
   * what the grid worker wrote. Its end is published as {@link MedicineDeliveryEnded}.
   */
  @Transactional
  public long requestForHelpRequest(FromHelpRequest from) {
    String street = areas.enclosing(from.gridCode(), AreaLevel.STREET).map(Area::code)
        .orElseThrow(() -> new IllegalStateException("Grid " + from.gridCode() + " lies in no street"));
    MedicineDelivery delivery = MedicineDelivery.request(new MedicineDelivery.Request(DeliverySource.HELP_REQUEST,
            from.helpRequestId(), null,
            new MedicineDelivery.Recipient(from.recipientName(), from.recipientPhone(), from.recipientAddress()),
            from.gridCode(), street, from.urgent() ? Urgency.URGENT : Urgency.NORMAL, from.whatIsNeeded(), null,
            List.of(), from.requestedBy()),
        newConfirmationCode(), now());
    save(delivery);
    start(delivery);
    log.info("Medicine delivery {} requested for help request {}", delivery.id(), from.helpRequestId());
    return delivery.id();
  }

  /** The steps of the deliveries a help request asked for, for its timeline. */
  public List<Step> stepsOf(long helpRequestId) {
    return deliveries.findByHelpRequest(helpRequestId).stream()
        .flatMap(delivery -> timeline.of(delivery.id()).stream()
            .map(event -> new Step(delivery.id(), event.at(), event.type(), event.actor())))
        .toList();
  }

  /** One step of a delivery as a help request's timeline shows it: no staff's words, no recipient. */
  public record Step(long deliveryId, Instant at, DeliveryEventType type, String actor) {}

  /**
   * 登记送药需求 of an operator's start form in Tasklist: the delivery is stored from the form's
   * fields, which are then removed from the process. A REST or help-request start has stored it
   * already (the business key says which).
   */
  @Transactional
  public long registerFromStartForm(StartFormFields fields, String operator) {
    FormCheck check = FormCheck.of(validator, fields);
    Optional<GridResolution> resolved = check.failed("recipientAddress") ? Optional.empty()
        : areas.resolveAddress(fields.recipientAddress().strip());
    if (!check.failed("recipientAddress") && resolved.isEmpty()) {
      check.reject("recipientAddress", "matches no grid of the register");
    }
    check.orThrow();
    GridResolution where = resolved.orElseThrow();
    MedicineDelivery delivery = MedicineDelivery.request(new MedicineDelivery.Request(DeliverySource.TASKLIST, null,
            null, new MedicineDelivery.Recipient(fields.recipientName().strip(), fields.phone(),
                fields.recipientAddress().strip()),
            where.gridCode(), where.codeAt(AreaLevel.STREET), fields.urgencyValue(), fields.requestedItems().strip(),
            null, List.of(), operator),
        newConfirmationCode(), now());
    save(delivery);
    return delivery.id();
  }

  private void start(MedicineDelivery delivery) {
    runtime.createProcessInstanceByKey(MedicineDeliveryProcess.KEY)
        .businessKey(MedicineDeliveryProcess.businessKey(delivery.id())).setVariables(routing(delivery)).execute();
  }

  /** What the process routes by: grid, street, priority, and whether the lists are known. */
  VariableMap routing(MedicineDelivery delivery) {
    return io.holunda.camunda.bpm.data.CamundaBpmData.builder()
        .set(MedicineDeliveryProcess.GRID_CODE, delivery.gridCode())
        .set(MedicineDeliveryProcess.STREET_CODE, delivery.streetCode())
        .set(MedicineDeliveryProcess.TASK_PRIORITY, delivery.urgency().taskPriority())
        .set(MedicineDeliveryProcess.HAS_LINES, delivery.hasLines())
        .set(MedicineDeliveryProcess.NEEDS_PRESCRIPTION_CHECK, delivery.needsPrescriptionCheck())
        .set(MedicineDeliveryProcess.LIST_DUE, Date.from(now().plus(
            delivery.urgency() == Urgency.URGENT ? settings.checkWithin().dividedBy(2) : settings.checkWithin())))
        .set(MedicineDeliveryProcess.CLAIM_WITHIN, settings.claimWithin().toString())
        .build();
  }

  /** Runs the step after 登记送药需求 for a caller waiting on the line; a failure stays a job to retry. */
  private void continueNow(long id) {
    var process = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(MedicineDeliveryProcess.businessKey(id)).singleResult();
    if (process == null) {
      return;
    }
    for (Job next : management.createJobQuery().processInstanceId(process.getId())
        .activityId(MedicineDeliveryProcess.STEP_REGISTER).executable().list()) {
      try {
        management.executeJob(next.getId());
      } catch (RuntimeException e) {
        log.warn("Medicine delivery {} is stored; its next step failed and will be tried again: {}", id,
            e.getMessage());
      }
    }
  }

  private static String newConfirmationCode() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  // ---- the pharmacy ----------------------------------------------------------------------------

  /** 药房开列药品: known items, quantities 1..999. */
  @Transactional
  public MedicineDelivery list(long id, List<ListedLine> listed, String actor) {
    MedicineDelivery delivery = get(id);
    List<MedicineDelivery.NewLine> lines = new ArrayList<>();
    List<FieldError> faults = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      ListedLine line = listed.get(i);
      Optional<SupplyItem> item = line.itemCode() == null ? Optional.empty() : items.find(line.itemCode().strip());
      if (item.isEmpty()) {
        faults.add(new FieldError("lines[" + i + "].itemCode",
            "is not an item of the catalogue"));
      } else if (line.quantity() == null || line.quantity() < 1 || line.quantity() > 999) {
        faults.add(new FieldError("lines[" + i + "].quantity",
            "must be between 1 and 999"));
      } else {
        lines.add(new MedicineDelivery.NewLine(item.get().code(), line.quantity(), item.get().prescriptionOnly(),
            item.get().coldChain(), null));
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    delivery.list(lines, actor, now());
    return save(delivery);
  }

  record ListedLine(String itemCode, Integer quantity) {}

  /** 处方审核; true when something is left to deliver. */
  @Transactional
  public boolean decide(long id, List<MedicineDelivery.Decision> decisions, String actor) {
    MedicineDelivery delivery = get(id);
    boolean approved = delivery.decide(decisions, actor, now());
    save(delivery);
    return approved;
  }

  // ---- stock -------------------------------------------------------------------------------------

  /**
   * 就近预留库存: each line still to reserve, at the requester's site if they named one and it has
   * enough, else at the nearest pharmacy or warehouse: of the recipient's street first, then the
   * district. True when every line is reserved; otherwise the shortage is on the timeline and
   * the pharmacy and warehouse source it.
   */
  @Transactional
  public boolean reserve(long id) {
    MedicineDelivery delivery = get(id);
    Reference reference = Reference.of(ReferenceType.MEDICINE_DELIVERY, id);
    List<String> nearestFirst = List.of(delivery.streetCode(), district(delivery.gridCode()));
    List<String> missing = new ArrayList<>();
    for (DeliveryLine line : delivery.toReserve()) {
      Optional<Reservation> reserved = Optional.empty();
      if (delivery.preferredSiteCode() != null) {
        reserved = ledger.reserve(delivery.preferredSiteCode(), line.itemCode(), line.toDeliver(), reference,
            MedicineDelivery.SYSTEM);
      }
      if (reserved.isEmpty()) {
        reserved = ledger.reserveNearest(line.itemCode(), line.toDeliver(), nearestFirst, MEDICINE_SITES, reference,
            MedicineDelivery.SYSTEM);
      }
      reserved.ifPresentOrElse(r -> delivery.reserved(line.lineNo(), r.id(), r.siteCode()),
          () -> missing.add(itemName(line.itemCode()) + " × " + line.toDeliver()));
    }
    boolean all = delivery.reservationRound(String.join("、", missing), now());
    save(delivery);
    return all;
  }

  /** The sourcing task's answer: STOCKED tries the reservation again, UNAVAILABLE ends the delivery. */
  @Transactional
  public void sourced(long id, boolean stocked, String note, String actor) {
    MedicineDelivery delivery = get(id);
    if (stocked) {
      return;
    }
    if (note == null || note.isBlank()) {
      throw new InvalidInputException("sourcingNote", "is required when the medicine cannot be had");
    }
    delivery.unavailable(note, actor, now());
    releaseOpenReservations(delivery, "无法调配");
    save(delivery);
  }

  /** What is missing, for the sourcing task. */
  String shortage(long id) {
    MedicineDelivery delivery = get(id);
    return delivery.lines().stream().filter(DeliveryLine::needsReservation)
        .map(line -> itemName(line.itemCode()) + " × " + line.toDeliver()).reduce((a, b) -> a + "、" + b).orElse("");
  }

  /** A deadline passed: the street office has a task about it, and the timeline says which. */
  @Transactional
  public void streetAlerted(long id, DeliveryEventType deadline) {
    MedicineDelivery delivery = get(id);
    delivery.streetAlerted(deadline, now());
    save(delivery);
  }

  // ---- the courier -----------------------------------------------------------------------------

  @Transactional
  public void offeredToGrid(long id) {
    MedicineDelivery delivery = get(id);
    delivery.offeredToGrid(now());
    save(delivery);
  }

  @Transactional
  public void claim(long id, String courier) {
    MedicineDelivery delivery = get(id);
    delivery.claim(courier, now());
    save(delivery);
  }

  @Transactional
  public void unclaim(long id, String courier) {
    MedicineDelivery delivery = get(id);
    delivery.unclaim(courier, now());
    save(delivery);
  }

  /** 接单取药 done: the courier has it, issued from stock at the sites it was reserved at. */
  @Transactional
  public MedicineDelivery pickUp(long id, String courier) {
    MedicineDelivery delivery = get(id);
    delivery.pickUp(courier, now());
    for (DeliveryLine line : delivery.lines()) {
      if (line.reservationId() != null) {
        ledger.issue(line.reservationId(), line.toDeliver(), courier);
      }
    }
    return save(delivery);
  }

  /** What happened at the door, as the delivery form or the courier's phone app says. */
  record DoorReport(DoorOutcome outcome, String confirmationCode, String receivedBy, String note,
      List<MedicineDelivery.HandOver> lines) {}

  enum DoorOutcome { DELIVERED, NOT_AT_HOME, NOT_DELIVERED }

  /** What the process does next after a visit. */
  enum AfterVisit { DELIVERED, TRY_AGAIN, HAND_TO_GRID, NOT_DELIVERED }

  /**
   * 送达确认: delivered (refusals back to stock), nobody at home (again later, or the grid's staff
   * after the last try), or not to be delivered (everything back to stock).
   */
  @Transactional
  public AfterVisit recordVisit(long id, DoorReport report, String actor) {
    MedicineDelivery delivery = get(id);
    Instant now = now();
    AfterVisit next = switch (report.outcome()) {
      case DELIVERED -> {
        delivery.deliver(report.confirmationCode(), report.receivedBy(), report.note(), report.lines(), actor, now);
        for (DeliveryLine line : delivery.lines()) {
          if (line.reservationId() != null && line.refused() != null && line.refused() > 0) {
            ledger.returnToStock(line.reservationId(), line.refused(), "拒收: " + line.refusalReason(), actor);
          }
        }
        yield AfterVisit.DELIVERED;
      }
      case NOT_AT_HOME -> delivery.notAtHome(report.note(), actor, now, settings.attemptsBeforeGrid())
          ? AfterVisit.HAND_TO_GRID : AfterVisit.TRY_AGAIN;
      case NOT_DELIVERED -> {
        delivery.notDelivered(report.note(), actor, now);
        returnEverything(delivery, "未能送达", actor);
        yield AfterVisit.NOT_DELIVERED;
      }
    };
    save(delivery);
    return next;
  }

  @Transactional
  public void handToGrid(long id) {
    MedicineDelivery delivery = get(id);
    delivery.handToGrid(now());
    save(delivery);
  }

  @Transactional
  public void supervised(long id, String note, String actor) {
    MedicineDelivery delivery = get(id);
    delivery.supervised(actor, note, now());
    save(delivery);
  }

  /**
   * The courier's phone app: the courier who holds the delivery completes its 送达确认 as the
   * form in Tasklist does. A code that does not match is a 400 and nothing is written.
   */
  @Transactional
  public void reportVisit(long id, Map<String, Object> form, String actor) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(MedicineDeliveryProcess.businessKey(id))
        .processDefinitionKey(MedicineDeliveryProcess.KEY)
        .taskDefinitionKey(MedicineDeliveryProcess.TASK_DELIVER).singleResult();
    if (task == null) {
      throw new ConflictException("Medicine delivery " + id + " is not on its way to the door");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(actor)) {
      throw new ConflictException("Medicine delivery " + id + " is with another courier");
    }
    try {
      if (task.getAssignee() == null) {
        tasks.setAssignee(task.getId(), actor);
      }
      tasks.complete(task.getId(), form);
    } catch (ProcessEngineException e) {
      throw EngineErrors.asInputError(e);
    }
  }

  // ---- cancellation ------------------------------------------------------------------------------

  /** Cancels an open delivery and ends its tasks, together. */
  @Transactional
  public MedicineDelivery cancel(long id, String reason, String actor) {
    get(id).checkCancellable();
    CancellationMessage.send(runtime, MedicineDeliveryProcess.MESSAGE_CANCELLED,
        MedicineDeliveryProcess.businessKey(id), reason, actor, "medicine delivery " + id);
    return get(id);
  }

  /** 记录撤销, 退回库存: the process's own step, in the transaction that ends its tasks. */
  @Transactional
  public void recordCancellation(long id, String reason, String actor) {
    MedicineDelivery delivery = get(id);
    boolean pickedUp = delivery.status() == DeliveryStatus.PICKED_UP;
    delivery.cancel(reason, actor, now());
    if (pickedUp) {
      returnEverything(delivery, "撤销", actor);
    } else {
      releaseOpenReservations(delivery, "撤销");
    }
    save(delivery);
  }

  private void releaseOpenReservations(MedicineDelivery delivery, String reason) {
    for (DeliveryLine line : delivery.lines()) {
      if (line.reservationId() != null) {
        ledger.release(line.reservationId(), reason, MedicineDelivery.SYSTEM);
      }
    }
  }

  private void returnEverything(MedicineDelivery delivery, String reason, String actor) {
    for (DeliveryLine line : delivery.lines()) {
      if (line.reservationId() != null) {
        ledger.returnToStock(line.reservationId(), line.toDeliver(), reason, actor);
      }
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------

  String itemName(String itemCode) {
    return items.find(itemCode).map(item -> item.name() + "(" + item.unit() + ")").orElse(itemCode);
  }

  List<SupplyItem> medicines() {
    return items.all().stream().filter(item -> item.category() == ItemCategory.MEDICINE)
        .toList();
  }

  String siteName(String siteCode) {
    return siteCode == null ? "-" : sites.find(siteCode).map(SupplySite::name).orElse(siteCode);
  }

  private String district(String gridCode) {
    return areas.enclosing(gridCode, AreaLevel.DISTRICT).map(Area::code).orElse(null);
  }

  /** Saves the delivery, then its new timeline entries, messages and (when it ended) its event. */
  private MedicineDelivery save(MedicineDelivery delivery) {
    List<MedicineDelivery.Recorded> recorded = delivery.takeRecorded();
    MedicineDelivery saved = deliveries.save(delivery);
    Map<Long, MedicineDelivery> loaded = TransactionScope.resource(MedicineDeliveryService.class, HashMap::new);
    if (loaded != null) {
      loaded.put(saved.id(), saved);
    }
    timeline.append(saved.id(), recorded.stream().map(MedicineDelivery.Recorded::event).toList());
    for (MedicineDelivery.Recorded change : recorded) {
      if (change.message() != null) {
        messages.queue(new MessageOwner(OWNER_TYPE, saved.id()), saved.recipient().phone(), change.message().name(),
            change.message().render(saved));
      }
    }
    if (saved.helpRequestId() != null && recorded.stream().anyMatch(change -> change.event().type().endsDelivery())) {
      events.publishEvent(new MedicineDeliveryEnded(saved.id(), saved.helpRequestId(), saved.status()));
    }
    return saved;
  }
}
