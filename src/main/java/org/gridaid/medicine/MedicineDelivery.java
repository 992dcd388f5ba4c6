package org.gridaid.medicine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.Problems.FieldError;

/**
 * A delivery of medicine to a resident's door, the aggregate of the medicine module. Every
 * change goes through a transition that refuses what the status does not allow (a 409 for a
 * caller, a refused form in Tasklist) and records its timeline entry and, where the recipient
 * is told, the text message. Stored by {@link MedicineDeliveries} with its lines, guarded by its
 * {@code version}; the recipient's details are plain here and encrypted in their columns.
 *
 * <p>The stock itself is the {@code supplies} ledger's: the delivery holds the reservation ids
 * of its lines, and the command service makes the ledger's moves beside each transition.
 */
class MedicineDelivery {

  static final String SYSTEM = EngineUsers.SYSTEM;

  private Long id;
  private int version;
  private DeliveryStatus status;
  private DeliverySource source;
  private Long helpRequestId;
  private Long personId;
  private Recipient recipient;
  private String gridCode;
  private String streetCode;
  private Urgency urgency;
  private String requestedItems;
  private String preferredSiteCode;
  private String confirmationCode;
  private String courier;
  private int deliveryAttempts;
  private boolean withGrid;
  private Instant requestedAt;
  private Instant reservedAt;
  private Instant pickedUpAt;
  private Instant closedAt;
  private String receivedBy;
  private String deliveryNote;
  private String closeReason;
  private String requestedBy;
  private String idempotencyKey;
  private String requestHash;
  private final List<DeliveryLine> lines = new ArrayList<>();

  private final List<Recorded> recorded = new ArrayList<>();

  /** A change to write beside the delivery: its timeline entry and the message it sends, if any. */
  record Recorded(DeliveryEvent event, RecipientMessage message) {}

  /** Who gets the medicine: as the register or the requester gave them. */
  record Recipient(String name, String phone, String address) {}

  /** A medicine asked for, with what the catalogue says of it. */
  record NewLine(String itemCode, int quantity, boolean prescriptionOnly, boolean coldChain, String prescribedBy) {}

  /** The prescriber's answer for one line. */
  record Decision(int lineNo, LineDecision answer, Integer quantity, String reason) {}

  /** What the recipient did with one line at the door. */
  record HandOver(int lineNo, int accepted, int refused, String refusalReason) {}

  private MedicineDelivery() {
  }

  /** A delivery as {@link MedicineDeliveries} read it (personal fields decrypted). */
  record Stored(long id, int version, DeliveryStatus status, DeliverySource source, Long helpRequestId, Long personId,
      Recipient recipient, String gridCode, String streetCode, Urgency urgency, String requestedItems,
      String preferredSiteCode, String confirmationCode, String courier, int deliveryAttempts, boolean withGrid,
      Instant requestedAt, Instant reservedAt, Instant pickedUpAt, Instant closedAt, String receivedBy,
      String deliveryNote, String closeReason, String requestedBy, String idempotencyKey, String requestHash,
      List<DeliveryLine> lines) {}

  MedicineDelivery(Stored stored) {
    id = stored.id();
    version = stored.version();
    status = stored.status();
    source = stored.source();
    helpRequestId = stored.helpRequestId();
    personId = stored.personId();
    recipient = stored.recipient();
    gridCode = stored.gridCode();
    streetCode = stored.streetCode();
    urgency = stored.urgency();
    requestedItems = stored.requestedItems();
    preferredSiteCode = stored.preferredSiteCode();
    confirmationCode = stored.confirmationCode();
    courier = stored.courier();
    deliveryAttempts = stored.deliveryAttempts();
    withGrid = stored.withGrid();
    requestedAt = stored.requestedAt();
    reservedAt = stored.reservedAt();
    pickedUpAt = stored.pickedUpAt();
    closedAt = stored.closedAt();
    receivedBy = stored.receivedBy();
    deliveryNote = stored.deliveryNote();
    closeReason = stored.closeReason();
    requestedBy = stored.requestedBy();
    idempotencyKey = stored.idempotencyKey();
    requestHash = stored.requestHash();
    lines.addAll(stored.lines());
  }

  /** The fields of a new delivery, checked and resolved by the command service. */
  record Request(DeliverySource source, Long helpRequestId, Long personId, Recipient recipient, String gridCode,
      String streetCode, Urgency urgency, String requestedItems, String preferredSiteCode, List<NewLine> lines,
      String requestedBy) {}

  /**
   * A new delivery. Without lines (a help request, an operator's free text) the pharmacy lists
   * the medicines first; the recipient is told a confirmation code to show at the door.
   */
  static MedicineDelivery request(Request request, String confirmationCode, Instant now) {
    MedicineDelivery delivery = new MedicineDelivery();
    delivery.status = DeliveryStatus.REQUESTED;
    delivery.source = request.source();
    delivery.helpRequestId = request.helpRequestId();
    delivery.personId = request.personId();
    delivery.recipient = request.recipient();
    delivery.gridCode = request.gridCode();
    delivery.streetCode = request.streetCode();
    delivery.urgency = request.urgency();
    delivery.requestedItems = request.requestedItems();
    delivery.preferredSiteCode = request.preferredSiteCode();
    delivery.confirmationCode = confirmationCode;
    delivery.requestedAt = now;
    delivery.requestedBy = request.requestedBy();
    delivery.addLines(request.lines());
    delivery.record(now, DeliveryEventType.REQUESTED, request.requestedBy(), null, RecipientMessage.REQUESTED);
    if (!request.lines().isEmpty()) {
      delivery.linesKnown();
    }
    return delivery;
  }

  /** The row was inserted: the delivery has its id now. */
  void inserted(long storedId) {
    id = storedId;
  }

  void updated() {
    version++;
  }

  /** 药房开列药品: the pharmacy turns what was asked for into lines of the catalogue. */
  void list(List<NewLine> listed, String actor, Instant now) {
    requireStatus("list the medicines of", DeliveryStatus.REQUESTED);
    if (!lines.isEmpty()) {
      throw new ConflictException("The medicines of delivery " + id + " are listed already");
    }
    if (listed.isEmpty()) {
      throw new InvalidInputException("lines", "must list at least one medicine");
    }
    addLines(listed);
    record(now, DeliveryEventType.LISTED, actor, null, null);
    linesKnown();
  }

  private void addLines(List<NewLine> newLines) {
    for (NewLine line : newLines) {
      lines.add(new DeliveryLine(lines.size() + 1, line.itemCode(), line.quantity(), line.prescriptionOnly(),
          line.coldChain(), line.prescribedBy()));
    }
  }

  private void linesKnown() {
    status = needsPrescriptionCheck() ? DeliveryStatus.AWAITING_PRESCRIPTION : DeliveryStatus.AWAITING_STOCK;
  }

  boolean hasLines() {
    return !lines.isEmpty();
  }

  boolean needsPrescriptionCheck() {
    return lines.stream().anyMatch(line -> line.decision() == LineDecision.PENDING);
  }

  /**
   * 处方审核: every prescription line gets an answer, a changed quantity or a refusal a reason.
   * True when something is left to deliver; when nothing is, the delivery ends as refused.
   */
  boolean decide(List<Decision> decisions, String actor, Instant now) {
    requireStatus("check the prescriptions of", DeliveryStatus.AWAITING_PRESCRIPTION);
    Map<Integer, Decision> byLine = new HashMap<>();
    List<FieldError> faults = new ArrayList<>();
    for (Decision decision : decisions) {
      byLine.put(decision.lineNo(), decision);
    }
    for (DeliveryLine line : lines) {
      if (line.decision() != LineDecision.PENDING) {
        continue;
      }
      String field = "prescriptionLines[" + (line.lineNo() - 1) + "]";
      Decision decision = byLine.get(line.lineNo());
      if (decision == null || decision.answer() == null || !decision.answer().isAnswer()) {
        faults.add(new FieldError(field + ".decision", "is required for a prescription-only medicine"));
      } else if (decision.answer() == LineDecision.CHANGED
          && (decision.quantity() == null || decision.quantity() < 1 || decision.quantity() > 999)) {
        faults.add(new FieldError(field + ".approvedQuantity", "must be between 1 and 999"));
      } else if (decision.answer() != LineDecision.APPROVED && blank(decision.reason())) {
        faults.add(new FieldError(field + ".reason", "is required when the quantity is changed or refused"));
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    for (DeliveryLine line : lines) {
      Decision decision = byLine.get(line.lineNo());
      if (line.decision() == LineDecision.PENDING) {
        line.decide(decision.answer(), decision.quantity(), strip(decision.reason()), actor);
        String reason = blank(decision.reason()) ? "" : " (" + decision.reason().strip() + ")";
        record(now, DeliveryEventType.PRESCRIPTION_CHECKED, actor,
            line.itemCode() + ": " + decision.answer().label() + reason, null);
      }
    }
    if (lines.stream().noneMatch(DeliveryLine::goesToTheDoor)) {
      close(DeliveryStatus.REFUSED, DeliveryEventType.REFUSED, actor, null, now, RecipientMessage.REFUSED);
      return false;
    }
    status = DeliveryStatus.AWAITING_STOCK;
    return true;
  }

  /** The lines still to reserve, those the prescription check let through. */
  List<DeliveryLine> toReserve() {
    requireStatus("reserve stock for", DeliveryStatus.AWAITING_STOCK);
    return lines.stream().filter(DeliveryLine::needsReservation).toList();
  }

  void reserved(int lineNo, long reservationId, String siteCode) {
    line(lineNo).reserved(reservationId, siteCode);
  }

  /**
   * After a reservation round: every line reserved, the delivery goes to the couriers (true);
   * otherwise it waits for stock, with the shortage on the timeline.
   */
  boolean reservationRound(String shortage, Instant now) {
    requireStatus("reserve stock for", DeliveryStatus.AWAITING_STOCK);
    if (lines.stream().anyMatch(DeliveryLine::needsReservation)) {
      record(now, DeliveryEventType.AWAITING_STOCK, SYSTEM, shortage, null);
      return false;
    }
    status = DeliveryStatus.RESERVED;
    reservedAt = now;
    record(now, DeliveryEventType.RESERVED, SYSTEM, null, RecipientMessage.RESERVED);
    return true;
  }

  /** Nothing to be had: the reservations made are released by the command service. */
  void unavailable(String reason, String actor, Instant now) {
    requireStatus("give up sourcing for", DeliveryStatus.AWAITING_STOCK);
    close(DeliveryStatus.UNAVAILABLE, DeliveryEventType.UNAVAILABLE, actor, reason, now, RecipientMessage.UNAVAILABLE);
  }

  /** A deadline passed and the street office was asked to see to it: which one the entry says. */
  void streetAlerted(DeliveryEventType deadline, Instant now) {
    record(now, deadline, SYSTEM, streetCode, null);
  }

  /** Nobody of the street's volunteers took the job in time: the grid's staff see it too. */
  void offeredToGrid(Instant now) {
    record(now, DeliveryEventType.OFFERED_TO_GRID, SYSTEM, gridCode, null);
  }

  /** 接单: a courier took the job in Tasklist. */
  void claim(String actor, Instant now) {
    requireStatus("claim", DeliveryStatus.RESERVED, DeliveryStatus.CLAIMED);
    if (actor.equals(courier) && status == DeliveryStatus.CLAIMED) {
      return;
    }
    courier = actor;
    status = DeliveryStatus.CLAIMED;
    record(now, DeliveryEventType.CLAIMED, actor, null, null);
  }

  /** The courier gave the job back before picking it up. */
  void unclaim(String actor, Instant now) {
    if (status != DeliveryStatus.CLAIMED) {
      return;
    }
    courier = null;
    status = DeliveryStatus.RESERVED;
    record(now, DeliveryEventType.UNCLAIMED, actor, null, null);
  }

  /** 取药: the courier has the medicine; the command service issues it from stock. */
  void pickUp(String actor, Instant now) {
    requireStatus("pick up", DeliveryStatus.RESERVED, DeliveryStatus.CLAIMED);
    courier = actor;
    status = DeliveryStatus.PICKED_UP;
    pickedUpAt = now;
    record(now, DeliveryEventType.PICKED_UP, actor, null, RecipientMessage.PICKED_UP);
  }

  /**
   * At the door, the recipient took it. The proof: the code they were told, or who received it
   * and a note. For each line, accepted and refused add up to what was handed over, and a
   * refusal says why; what was refused goes back to stock.
   */
  void deliver(String code, String receiver, String note, List<HandOver> handOvers, String actor, Instant now) {
    requireStatus("deliver", DeliveryStatus.PICKED_UP);
    List<FieldError> faults = new ArrayList<>();
    String givenCode = strip(code);
    if (givenCode != null && !givenCode.equals(confirmationCode)) {
      faults.add(new FieldError("confirmationCode", "does not match the recipient's code"));
    } else if (givenCode == null && (blank(receiver) || blank(note))) {
      faults.add(new FieldError("receivedBy",
          "without the recipient's confirmation code, say who received it and add a note"));
    }
    Map<Integer, HandOver> byLine = new HashMap<>();
    handOvers.forEach(handOver -> byLine.put(handOver.lineNo(), handOver));
    List<DeliveryLine> delivered = lines.stream().filter(DeliveryLine::goesToTheDoor).toList();
    for (int i = 0; i < delivered.size(); i++) {
      DeliveryLine line = delivered.get(i);
      HandOver handOver = byLine.get(line.lineNo());
      String field = "deliveredLines[" + i + "]";
      if (handOver == null) {
        faults.add(new FieldError(field + ".accepted", "is required"));
      } else if (handOver.accepted() < 0 || handOver.refused() < 0
          || handOver.accepted() + handOver.refused() != line.toDeliver()) {
        faults.add(new FieldError(field + ".accepted",
            "accepted and refused must add up to the " + line.toDeliver() + " handed over"));
      } else if (handOver.refused() > 0 && blank(handOver.refusalReason())) {
        faults.add(new FieldError(field + ".refusalReason", "is required when something is refused"));
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    for (DeliveryLine line : delivered) {
      HandOver handOver = byLine.get(line.lineNo());
      line.handedOver(handOver.accepted(), handOver.refused(), strip(handOver.refusalReason()));
    }
    receivedBy = givenCode != null ? "确认码" : receiver.strip();
    deliveryNote = strip(note);
    close(DeliveryStatus.DELIVERED, DeliveryEventType.DELIVERED, actor, null, now, RecipientMessage.DELIVERED);
  }

  /**
   * Nobody opened the door. True when this was the courier's last try and the grid's staff take
   * the delivery over; otherwise it is tried again later.
   */
  boolean notAtHome(String note, String actor, Instant now, int attemptsBeforeGrid) {
    requireStatus("record a visit of", DeliveryStatus.PICKED_UP);
    deliveryAttempts++;
    record(now, DeliveryEventType.NOT_AT_HOME, actor, strip(note), null);
    return !withGrid && deliveryAttempts >= attemptsBeforeGrid;
  }

  /** The courier tried often enough: the grid's staff deliver it (they hold the medicine now). */
  void handToGrid(Instant now) {
    requireStatus("hand to the grid", DeliveryStatus.PICKED_UP);
    withGrid = true;
    record(now, DeliveryEventType.HANDED_TO_GRID, SYSTEM, gridCode, null);
  }

  /** It cannot be delivered (moved away, refused at the door): the medicine goes back to stock. */
  void notDelivered(String reason, String actor, Instant now) {
    requireStatus("give up delivering", DeliveryStatus.PICKED_UP);
    if (blank(reason)) {
      throw new InvalidInputException("deliveryNote", "is required when the medicine cannot be delivered");
    }
    close(DeliveryStatus.NOT_DELIVERED, DeliveryEventType.NOT_DELIVERED, actor, reason, now,
        RecipientMessage.NOT_DELIVERED);
  }

  void supervised(String actor, String note, Instant now) {
    record(now, DeliveryEventType.SUPERVISED, actor, note, null);
  }

  /** Refuses, as {@link #cancel} would, a delivery that is over. */
  void checkCancellable() {
    if (!status.isOpen()) {
      throw new ConflictException("Cannot cancel delivery " + id + ": it is already " + status);
    }
  }

  /** Withdrawn by whoever asked for it; the command service releases or takes back the stock. */
  void cancel(String reason, String actor, Instant now) {
    checkCancellable();
    close(DeliveryStatus.CANCELLED, DeliveryEventType.CANCELLED, actor, reason, now, RecipientMessage.CANCELLED);
  }

  private void close(DeliveryStatus closed, DeliveryEventType event, String actor, String reason, Instant now,
      RecipientMessage message) {
    status = closed;
    closedAt = now;
    closeReason = strip(reason);
    record(now, event, actor, closeReason, message);
  }

  /** Whether it carries cold-chain medicine, which must reach the door within a set time of its reservation. */
  boolean coldChain() {
    return lines.stream().anyMatch(line -> line.coldChain() && line.goesToTheDoor());
  }

  void rememberRequest(String key, String hash) {
    idempotencyKey = key;
    requestHash = hash;
  }

  Optional<DeliveryLine> findLine(int lineNo) {
    return lines.stream().filter(line -> line.lineNo() == lineNo).findFirst();
  }

  private DeliveryLine line(int lineNo) {
    return findLine(lineNo).orElseThrow(() -> new IllegalArgumentException("no line " + lineNo + " in delivery " + id));
  }

  private void requireStatus(String action, DeliveryStatus... allowed) {
    for (DeliveryStatus candidate : allowed) {
      if (status == candidate) {
        return;
      }
    }
    throw new ConflictException("Cannot " + action + " delivery " + id + " while it is " + status);
  }

  private void record(Instant at, DeliveryEventType type, String actor, String detail, RecipientMessage message) {
    recorded.add(new Recorded(new DeliveryEvent(at, type, actor, detail), message));
  }

  List<Recorded> takeRecorded() {
    List<Recorded> taken = List.copyOf(recorded);
    recorded.clear();
    return taken;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String strip(String text) {
    return blank(text) ? null : text.strip();
  }

  Long id() {
    return id;
  }

  int version() {
    return version;
  }

  DeliveryStatus status() {
    return status;
  }

  DeliverySource source() {
    return source;
  }

  Long helpRequestId() {
    return helpRequestId;
  }

  Long personId() {
    return personId;
  }

  Recipient recipient() {
    return recipient;
  }

  String gridCode() {
    return gridCode;
  }

  String streetCode() {
    return streetCode;
  }

  Urgency urgency() {
    return urgency;
  }

  String requestedItems() {
    return requestedItems;
  }

  String preferredSiteCode() {
    return preferredSiteCode;
  }

  String confirmationCode() {
    return confirmationCode;
  }

  String courier() {
    return courier;
  }

  int deliveryAttempts() {
    return deliveryAttempts;
  }

  boolean withGrid() {
    return withGrid;
  }

  Instant requestedAt() {
    return requestedAt;
  }

  Instant reservedAt() {
    return reservedAt;
  }

  Instant pickedUpAt() {
    return pickedUpAt;
  }

  Instant closedAt() {
    return closedAt;
  }

  String receivedBy() {
    return receivedBy;
  }

  String deliveryNote() {
    return deliveryNote;
  }

  String closeReason() {
    return closeReason;
  }

  String requestedBy() {
    return requestedBy;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  String requestHash() {
    return requestHash;
  }

  List<DeliveryLine> lines() {
    return List.copyOf(lines);
  }
}
