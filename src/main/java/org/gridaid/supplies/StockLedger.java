package org.gridaid.supplies;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.gridaid.shared.Sha256;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.validation.PlainText;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.supplies.StockMovements.Keyed;
import org.gridaid.supplies.StockMovements.NewMovement;
import org.hibernate.validator.constraints.Range;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stock ledger: every change of stock is a command here, recorded as movements that are
 * never changed (a correction is a movement of its own), with the balances that follow from them
 * changed in the same transaction. Medicine deliveries, care packs and donations call it; staff
 * record receipts, adjustments and transfers over REST.
 *
 * <p><b>Why the balances are not an aggregate.</b> On hand and reserved of an item at a site are
 * counters many couriers change at once. Loaded, changed and saved back with an optimistic
 * version, 32 couriers reserving the last boxes would be 31 retries each; instead each command
 * changes a balance with one conditional update ({@code ... set reserved = reserved + ? where
 * ... and on_hand - reserved >= ?}) that the database decides on the locked row: it either
 * changes the row or matches none, so the last box of insulin is promised once. The CHECK
 * constraints of {@code stock_balance} and {@code stock_lot} (never negative, never more
 * promised than on hand) say the same once more, and the balances can always be computed again
 * from the movements ({@code StockLedgerTests}). Commands that move goods change the balance
 * first: it is also the lock of the site's batches of the item ({@link StockBalances} says the
 * order of locks).
 *
 * <p><b>Reservations at one site and item queue</b> ({@link ReservationLanes}) when they come
 * outside a transaction (REST, a job): while one batch is written, the next waits, and is
 * written as one transaction with one promise on the balance's row, each reservation still with
 * its row and RESERVE movement. Written one by one, every reservation held that row over its
 * round trips and 32 couriers reached a quarter of a bare conditional update's rate on the
 * 2-core machine; in batches, more than half (README, "Stock ledger"). A reservation in the
 * caller's transaction (a process step) is that transaction's own and is written at once.
 *
 * <p><b>The aggregate is the reservation</b> ({@link StockReservation}): open until released or
 * issued, each once, saved with an optimistic version, so two couriers cannot issue one
 * reservation twice. A reservation promises the item, not a batch: issuing takes the batches that
 * expire first.
 *
 * <p><b>Transactions.</b> Each command runs in a savepoint of the caller's transaction (a
 * process step of the medicine flow, an event listener of the donations), or in a transaction of
 * its own: a refused command undoes only its own work, and a reservation that finds too little
 * records nothing and leaves the caller's transaction to go on.
 * Commands that may be retried take an idempotency key (REST: the {@code Idempotency-Key} header;
 * a module: a key made of its own ids): a second command under a key answers the first one's
 * movements, and a different command under a used key is a 409.
 */
@Service
public class StockLedger {

  /** The reason recorded on what an issue leaves of a reservation. */
  static final String REMAINDER_RELEASED = "出库后余量释放";

  private final StockBalances balances;
  private final StockMovements movements;
  private final StockReservations reservations;
  private final SupplySites sites;
  private final SupplyItems items;
  private final Validator validator;
  private final TransactionTemplate command;
  private final Clock clock;
  private final ReservationLanes lanes;

  StockLedger(StockBalances balances, StockMovements movements, StockReservations reservations,
      ReservationLanes lanes, SupplySites sites, SupplyItems items, Validator validator,
      TransactionTemplate transaction, Clock clock) {
    this.balances = balances;
    this.movements = movements;
    this.reservations = reservations;
    this.lanes = lanes;
    this.sites = sites;
    this.items = items;
    this.validator = validator;
    this.command = new TransactionTemplate(transaction.getTransactionManager());
    this.command.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  // ---- reservations -------------------------------------------------------------------------

  /** A reservation's command, checked as REST bodies are. */
  record Reserve(
      @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST) String siteCode,
      @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST) String itemCode,
      @Range(min = 1, max = Ledger.MAX_QUANTITY, message = Ledger.BETWEEN) int quantity,
      @NotNull(message = Ledger.REQUIRED) @Valid Reference reference) {}

  /**
   * Promises {@code quantity} of the item at the site to what {@code reference} names, if that
   * much is still free there; empty (nothing recorded) if not. Never more than is on hand, however
   * many ask at once.
   */
  public Optional<Reservation> reserve(String siteCode, String itemCode, int quantity, Reference reference,
      String actor) {
    return reserve(siteCode, itemCode, quantity, reference, actor, null);
  }

  /** {@link #reserve}, once per {@code idempotencyKey}: a retry answers the reservation made the first time. */
  public Optional<Reservation> reserve(String siteCode, String itemCode, int quantity, Reference reference,
      String actor, String idempotencyKey) {
    Reserve reserve = new Reserve(siteCode, itemCode, quantity, reference);
    FormCheck check = FormCheck.of(validator, reserve);
    checkSite(check, "siteCode", siteCode);
    checkItem(check, "itemCode", itemCode);
    check.orThrow();
    String hash = fingerprint(idempotencyKey, MovementKind.RESERVE, reserve);
    Optional<Keyed> earlier = earlier(idempotencyKey, hash);
    if (earlier.isPresent()) {
      return Optional.of(reservationOf(earlier.get()));
    }
    if (idempotencyKey == null && !TransactionSynchronizationManager.isActualTransactionActive()) {
      return lanes.reserve(StockReservation.open(siteCode, itemCode, quantity, reference, actor, clock.instant()))
          .map(StockReservation::view);
    }
    try {
      return Optional.ofNullable(command.execute(status -> {
        Instant at = clock.instant();
        StockReservation open = StockReservation.open(siteCode, itemCode, quantity, reference, actor, at);
        // the update first: what it finds too little for is not recorded
        if (!balances.reserve(siteCode, itemCode, quantity)) {
          return null;
        }
        StockReservation reservation = reservations.insert(open);
        movements.append(new NewMovement(MovementKind.RESERVE, siteCode, itemCode, null, null, quantity, null, actor,
            at, reference, reservation.id(), null, null, idempotencyKey, hash));
        return reservation.view();
      }));
    } catch (DuplicateKeyException e) {
      return Optional.of(earlier(idempotencyKey, hash).map(this::reservationOf).orElseThrow(() -> e));
    }
  }

  /** One reservation of {@link #reserveAll}: {@code quantity} of the item at the site. */
  public record Wanted(String siteCode, String itemCode, int quantity) {}

  /**
   * Promises every one of {@code wanted} to what {@code reference} names, or none of them (empty):
   * a campaign reserving the packs of 200 grids at once. Each site's balance of an item is changed
   * once, by one conditional update for the sum of its reservations (in the order of site and item
   * codes, as {@link StockBalances} locks), and the reservations and their RESERVE movements are
   * written in multi-row statements; each reservation is still a row of its own, issued and
   * released on its own. In a savepoint of the caller's transaction: a shortage undoes only this.
   * Written one by one, 2,400 reservations held a campaign's start for ten seconds.
   */
  public Optional<List<Reservation>> reserveAll(List<Wanted> wanted, Reference reference, String actor) {
    if (wanted.isEmpty()) {
      return Optional.of(List.of());
    }
    FormCheck check = FormCheck.of(validator, reference);
    Map<String, int[]> sums = new java.util.TreeMap<>();
    for (int i = 0; i < wanted.size(); i++) {
      Wanted w = wanted.get(i);
      if (sums.containsKey(w.siteCode() + "|" + w.itemCode())) {
        sums.get(w.siteCode() + "|" + w.itemCode())[0] += w.quantity();
        continue;
      }
      checkSite(check, "wanted[" + i + "].siteCode", w.siteCode());
      checkItem(check, "wanted[" + i + "].itemCode", w.itemCode());
      if (w.quantity() < 1 || w.quantity() > Ledger.MAX_QUANTITY) {
        check.reject("wanted[" + i + "].quantity", "must be between 1 and " + Ledger.MAX_QUANTITY);
      }
      sums.put(w.siteCode() + "|" + w.itemCode(), new int[] {w.quantity()});
    }
    check.orThrow();
    final class Short extends RuntimeException {
      Short() {
        super(null, null, false, false);
      }
    }
    try {
      return Optional.of(command.execute(status -> {
        Instant at = clock.instant();
        sums.forEach((key, sum) -> {
          String[] siteItem = key.split("\\|", 2);
          if (!balances.reserve(siteItem[0], siteItem[1], sum[0])) {
            throw new Short();
          }
        });
        List<StockReservation> rows = wanted.stream()
            .map(w -> StockReservation.open(w.siteCode(), w.itemCode(), w.quantity(), reference, actor, at)).toList();
        for (int from = 0; from < rows.size(); from += 500) {
          List<StockReservation> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
          reservations.insertAll(chunk);
          movements.appendAll(chunk.stream().map(r -> new NewMovement(MovementKind.RESERVE, r.siteCode(),
              r.itemCode(), null, null, r.quantity(), null, actor, at, reference, r.id(), null, null, null, null))
              .toList());
        }
        return rows.stream().map(StockReservation::view).toList();
      }));
    } catch (Short e) {
      return Optional.empty();
    }
  }

  /**
   * Reserves at the nearest site that can: the sites of the first area of {@code areaCodes} (the
   * recipient's street, then the district) with the most first, of the given kinds (any when
   * empty). Empty when no site has enough.
   */
  public Optional<Reservation> reserveNearest(String itemCode, int quantity, List<String> areaCodes,
      Set<SiteKind> kinds, Reference reference, String actor) {
    for (SiteStock candidate : sites.candidates(itemCode, quantity, areaCodes, kinds)) {
      Optional<Reservation> reserved = reserve(candidate.site().code(), itemCode, quantity, reference, actor);
      if (reserved.isPresent()) {
        return reserved;
      }
    }
    return Optional.empty();
  }

  /** Nothing of the reservation is wanted any more: all of it is free again. 409 if it is not open. */
  public Reservation release(long reservationId, String reason, String actor) {
    String why = reason(reason);
    return command.execute(status -> {
      Instant at = clock.instant();
      StockReservation r = load(reservationId);
      r.release(actor, at);
      reservations.save(r);
      movements.append(new NewMovement(MovementKind.RELEASE, r.siteCode(), r.itemCode(), null, null, r.quantity(),
          why, actor, at, r.reference(), r.id(), null, null, null, null));
      balances.unreserve(r.siteCode(), r.itemCode(), r.quantity());
      return r.view();
    });
  }

  /**
   * {@code quantity} of the reservation leaves the site (a courier picked it up), from the
   * batches that expire first; the rest of the reservation is free again. 409 if it is not open.
   */
  public Reservation issue(long reservationId, int quantity, String actor) {
    return command.execute(status -> {
      Instant at = clock.instant();
      StockReservation r = load(reservationId);
      int rest = r.issue(quantity, actor, at);
      reservations.save(r);
      String site = r.siteCode();
      String item = r.itemCode();
      // the balance first: it is the lock of its batches
      balances.issue(site, item, quantity, r.quantity());
      List<Taken> taken = firstToExpire(balances.lots(site, item), quantity);
      if (total(taken) < quantity) {
        throw new IllegalStateException("Stock ledger: the batches of " + item + " at " + site
            + " hold less than is reserved; the balances no longer follow the movements");
      }
      Long entry = null;
      for (Taken t : taken) {
        Movement m = movements.append(new NewMovement(MovementKind.ISSUE, site, item, t.lot().name(),
            t.lot().expiry(), t.quantity(), null, actor, at, r.reference(), r.id(), null, entry, null, null));
        entry = entry == null ? m.id() : entry;
        balances.takeFromLot(site, item, t.lot().batch(), t.quantity());
      }
      if (rest > 0) {
        movements.append(new NewMovement(MovementKind.RELEASE, site, item, null, null, rest, REMAINDER_RELEASED, actor, at,
            r.reference(), r.id(), null, entry, null, null));
      }
      return r.view();
    });
  }

  /**
   * {@code quantity} of what the reservation issued is back at its site (not delivered: nobody
   * home, refused), into the batches it went out in. Never more than went out.
   */
  public Reservation returnToStock(long reservationId, int quantity, String reason, String actor) {
    String why = reason(reason);
    return command.execute(status -> {
      Instant at = clock.instant();
      StockReservation r = load(reservationId);
      r.takeBack(quantity);
      reservations.save(r);
      // what is still out of each batch, in the order it went out
      Map<String, Lot> out = new LinkedHashMap<>();
      for (Movement m : movements.ofReservation(r.id())) {
        int sign = m.kind() == MovementKind.ISSUE ? 1 : m.kind() == MovementKind.RETURN ? -1 : 0;
        if (sign != 0) {
          out.merge(Lot.key(m.batch()), new Lot(Lot.key(m.batch()), m.expiry(), sign * m.quantity()),
              (a, b) -> new Lot(a.batch(), a.expiry(), a.onHand() + b.onHand()));
        }
      }
      balances.add(r.siteCode(), r.itemCode(), quantity);
      Long entry = null;
      for (Taken t : firstToExpire(List.copyOf(out.values()), quantity)) {
        Movement m = movements.append(new NewMovement(MovementKind.RETURN, r.siteCode(), r.itemCode(),
            t.lot().name(), t.lot().expiry(), t.quantity(), why, actor, at, r.reference(), r.id(), null, entry, null,
            null));
        entry = entry == null ? m.id() : entry;
        balances.addToLot(r.siteCode(), r.itemCode(), t.lot().batch(), t.lot().expiry(), t.quantity());
      }
      return r.view();
    });
  }

  public Optional<Reservation> reservation(long reservationId) {
    return reservations.find(reservationId).map(StockReservation::view);
  }

  private StockReservation load(long reservationId) {
    return reservations.find(reservationId)
        .orElseThrow(() -> new NotFoundException("Reservation", String.valueOf(reservationId)));
  }

  private Reservation reservationOf(Keyed keyed) {
    return load(keyed.first().reservationId()).view();
  }

  // ---- receipts, adjustments, transfers --------------------------------------------------------

  /** Goods arrived at the site. */
  public Recorded receive(Receipt receipt, String actor, String idempotencyKey) {
    FormCheck check = FormCheck.of(validator, receipt);
    checkSite(check, "siteCode", receipt.siteCode());
    checkItem(check, "itemCode", receipt.itemCode());
    LocalDate expiry = batchExpiry(check, receipt.itemCode(), receipt.batch(), receipt.expiry());
    check.orThrow();
    String hash = fingerprint(idempotencyKey, MovementKind.RECEIVE, receipt);
    return keyed(idempotencyKey, hash, () -> {
      String site = receipt.siteCode();
      String item = receipt.itemCode();
      balances.add(site, item, receipt.quantity());
      balances.addToLot(site, item, receipt.batch(), expiry, receipt.quantity());
      return List.of(movements.append(new NewMovement(MovementKind.RECEIVE, site, item, receipt.batch(), expiry,
          receipt.quantity(), receipt.reason(), actor, clock.instant(), receipt.reference(), null, null, null,
          idempotencyKey, hash)));
    });
  }

  /**
   * A correction of what is on hand (a count, damage, expiry): more goes into the batch, fewer
   * comes out of the batch or the batches that expire first, never out of what is promised.
   */
  public Recorded adjust(Adjustment adjustment, String actor, String idempotencyKey) {
    FormCheck check = FormCheck.of(validator, adjustment);
    checkSite(check, "siteCode", adjustment.siteCode());
    checkItem(check, "itemCode", adjustment.itemCode());
    boolean fewer = adjustment.change() != null && adjustment.change() < 0;
    if (!check.failed("change") && adjustment.change() == 0) {
      check.reject("change", "must not be 0: how many more (+) or fewer (-) there are than the ledger says");
    }
    LocalDate expiry = adjustment.expiry();
    if (fewer && expiry != null) {
      check.reject("expiry", "is given only with goods added: the goods taken off keep their batch's");
    } else if (!fewer) {
      expiry = batchExpiry(check, adjustment.itemCode(), adjustment.batch(), adjustment.expiry());
    }
    check.orThrow();
    String hash = fingerprint(idempotencyKey, MovementKind.ADJUST_IN, adjustment);
    LocalDate added = expiry;
    return keyed(idempotencyKey, hash, () -> fewer ? adjustDown(adjustment, actor, idempotencyKey, hash)
        : adjustUp(adjustment, added, actor, idempotencyKey, hash));
  }

  private List<Movement> adjustUp(Adjustment a, LocalDate expiry, String actor, String key, String hash) {
    balances.add(a.siteCode(), a.itemCode(), a.change());
    balances.addToLot(a.siteCode(), a.itemCode(), a.batch(), expiry, a.change());
    return List.of(movements.append(new NewMovement(MovementKind.ADJUST_IN, a.siteCode(), a.itemCode(), a.batch(),
        expiry, a.change(), a.reason(), actor, clock.instant(), a.reference(), null, null, null, key, hash)));
  }

  private List<Movement> adjustDown(Adjustment a, String actor, String key, String hash) {
    String site = a.siteCode();
    String item = a.itemCode();
    int quantity = -a.change();
    if (!balances.takeFree(site, item, quantity)) {
      StockLevel level = balances.level(site, item);
      throw new InvalidInputException("change", level.reserved() == 0
          ? "would take off more than the " + level.onHand() + " on hand"
          : "would leave less on hand than the " + level.reserved() + " promised: at most " + level.available()
              + " can be taken off now");
    }
    List<Taken> taken = takeOut(site, item, a.batch(), quantity, "change");
    Instant at = clock.instant();
    List<Movement> recorded = new ArrayList<>();
    for (Taken t : taken) {
      Long entry = recorded.isEmpty() ? null : recorded.get(0).id();
      recorded.add(movements.append(new NewMovement(MovementKind.ADJUST_OUT, site, item, t.lot().name(),
          t.lot().expiry(), t.quantity(), a.reason(), actor, at, a.reference(), null, null, entry,
          entry == null ? key : null, entry == null ? hash : null)));
      balances.takeFromLot(site, item, t.lot().batch(), t.quantity());
    }
    return recorded;
  }

  /** Stock goes from one site to another, out of what the source can still promise. */
  public Recorded transfer(Transfer transfer, String actor, String idempotencyKey) {
    FormCheck check = FormCheck.of(validator, transfer);
    checkSite(check, "fromSiteCode", transfer.fromSiteCode());
    checkSite(check, "toSiteCode", transfer.toSiteCode());
    checkItem(check, "itemCode", transfer.itemCode());
    if (!check.failed("fromSiteCode") && !check.failed("toSiteCode")
        && transfer.fromSiteCode().equals(transfer.toSiteCode())) {
      check.reject("toSiteCode", "must be another site than fromSiteCode");
    }
    check.orThrow();
    String hash = fingerprint(idempotencyKey, MovementKind.TRANSFER_OUT, transfer);
    return keyed(idempotencyKey, hash, () -> {
      String from = transfer.fromSiteCode();
      String to = transfer.toSiteCode();
      String item = transfer.itemCode();
      int quantity = transfer.quantity();
      // the two balances first, in the order of their sites' codes, as every command locks them
      boolean sent;
      if (from.compareTo(to) < 0) {
        sent = balances.takeFree(from, item, quantity);
        balances.add(to, item, quantity);
      } else {
        balances.add(to, item, quantity);
        sent = balances.takeFree(from, item, quantity);
      }
      if (!sent) {
        StockLevel level = balances.level(from, item);
        throw new InvalidInputException("quantity", "is more than the " + level.available() + " the site can still"
            + " give: " + level.reserved() + " of its " + level.onHand() + " on hand are promised");
      }
      List<Taken> taken = takeOut(from, item, transfer.batch(), quantity, "quantity");
      Instant at = clock.instant();
      List<Movement> recorded = new ArrayList<>();
      for (Taken t : taken) {
        Long entry = recorded.isEmpty() ? null : recorded.get(0).id();
        Movement out = movements.append(new NewMovement(MovementKind.TRANSFER_OUT, from, item, t.lot().name(),
            t.lot().expiry(), t.quantity(), transfer.reason(), actor, at, transfer.reference(), null, null, entry,
            entry == null ? idempotencyKey : null, entry == null ? hash : null));
        recorded.add(out);
        long first = recorded.get(0).id();
        recorded.add(movements.append(new NewMovement(MovementKind.TRANSFER_IN, to, item, t.lot().name(),
            t.lot().expiry(), t.quantity(), transfer.reason(), actor, at, transfer.reference(), null, out.id(), first,
            null, null)));
        balances.takeFromLot(from, item, t.lot().batch(), t.quantity());
        balances.addToLot(to, item, t.lot().batch(), t.lot().expiry(), t.quantity());
      }
      return recorded;
    });
  }

  // ---- reading ----------------------------------------------------------------------------------

  /** The site's stock of the item; zero for an item it never had. */
  public StockLevel level(String siteCode, String itemCode) {
    return balances.level(siteCode, itemCode);
  }

  /**
   * Every movement of an item at a site from {@code from} on, oldest first: what a report of the
   * site's receipts and issues totals, so that its totals are the ledger's.
   */
  public List<Movement> movementsAt(String siteCode, String itemCode, Instant from) {
    List<Movement> oldestFirst = new ArrayList<>(
        movements.all(new StockMovements.Query(siteCode, itemCode, null, null, from, null)));
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** Every movement that belongs to a case, delivery, campaign or donation, oldest first. */
  public List<Movement> movementsOf(Reference reference) {
    return movements.ofReference(reference);
  }

  /** Whether a command was recorded under the key. */
  boolean recorded(String idempotencyKey) {
    return movements.byKey(idempotencyKey).isPresent();
  }

  // ---- what the commands share ------------------------------------------------------------------

  /** Some of a batch, taken for a movement. */
  private record Taken(Lot lot, int quantity) {}

  /** Takes {@code quantity} from the lots in their order; less when they hold less. */
  private static List<Taken> firstToExpire(List<Lot> lots, int quantity) {
    List<Taken> taken = new ArrayList<>();
    int left = quantity;
    for (Lot lot : lots) {
      if (left == 0) {
        break;
      }
      int some = Math.min(left, lot.onHand());
      if (some > 0) {
        taken.add(new Taken(lot, some));
        left -= some;
      }
    }
    return taken;
  }

  private static int total(List<Taken> taken) {
    return taken.stream().mapToInt(Taken::quantity).sum();
  }

  /**
   * {@code quantity} out of the site's stock of the item, from {@code batch} or from the batches
   * that expire first; 400 naming {@code quantityField} when there is not that much. The caller
   * has taken it off the balance already, which locks the batches.
   */
  private List<Taken> takeOut(String site, String item, String batch, int quantity, String quantityField) {
    List<Lot> lots = batch == null ? balances.lots(site, item)
        : balances.lot(site, item, batch).map(List::of).orElse(List.of());
    if (batch != null && lots.isEmpty()) {
      throw new InvalidInputException("batch", "is not a batch of this item at " + site);
    }
    List<Taken> taken = firstToExpire(lots, quantity);
    int there = lots.stream().mapToInt(Lot::onHand).sum();
    if (total(taken) < quantity) {
      throw new InvalidInputException(quantityField, "is more than the " + there + " on hand at " + site
          + (batch == null ? "" : " of batch " + batch));
    }
    return taken;
  }

  /** Runs a command once per key: a retry answers the first one's movements. */
  private Recorded keyed(String key, String hash, Supplier<List<Movement>> body) {
    Optional<Keyed> earlier = earlier(key, hash);
    if (earlier.isPresent()) {
      return replay(earlier.get());
    }
    try {
      return new Recorded(command.execute(status -> body.get()), false);
    } catch (DuplicateKeyException e) {
      // the same key raced in on another thread or node: answer as that command was answered
      return earlier(key, hash).map(this::replay).orElseThrow(() -> e);
    }
  }

  private Recorded replay(Keyed keyed) {
    return new Recorded(movements.ofEntry(keyed.first().id()), true);
  }

  /** The first movement recorded under the key, if the same command was; 409 if another was. */
  private Optional<Keyed> earlier(String key, String hash) {
    if (key == null) {
      return Optional.empty();
    }
    return movements.byKey(key).map(keyed -> {
      if (!hash.equals(keyed.requestHash())) {
        throw new ConflictException("The Idempotency-Key was used before for a different command; nothing was"
            + " recorded");
      }
      return keyed;
    });
  }

  /** What tells a retry from another command under the same key: the command as a whole. */
  private static String fingerprint(String key, MovementKind kind, Record command) {
    return key == null ? null : Sha256.hex(kind.name() + "|" + command);
  }

  private void checkSite(FormCheck check, String field, String code) {
    if (check.failed(field)) {
      return;
    }
    Optional<SupplySite> site = sites.find(code);
    if (site.isEmpty()) {
      check.reject(field, "is not a known supply site");
    } else if (!site.get().active()) {
      check.reject(field, "is a site that keeps no stock any more");
    }
  }

  private void checkItem(FormCheck check, String field, String code) {
    if (!check.failed(field) && items.find(code).isEmpty()) {
      check.reject(field, "is not a known supply item");
    }
  }

  /**
   * The expiry of goods coming into a batch: a batch keeps one expiry wherever it is, so a known
   * batch's is taken when none is given and a different one is refused; an expiry needs a batch.
   */
  private LocalDate batchExpiry(FormCheck check, String item, String batch, LocalDate expiry) {
    if (check.failed("itemCode") || check.failed("batch")) {
      return expiry;
    }
    if (batch == null) {
      if (expiry != null) {
        check.reject("expiry", "needs a batch: the goods of one batch expire together");
      }
      return expiry;
    }
    return balances.knownBatch(item, batch).map(known -> {
      if (expiry != null && !expiry.equals(known.expiry())) {
        check.reject("expiry", known.expiry() == null ? "was not given when batch " + batch + " came in"
            : "differs from the " + known.expiry() + " batch " + batch + " expires on");
      }
      return known.expiry();
    }).orElse(expiry);
  }

  /** A release or return says why. */
  private record Why(
      @NotBlank(message = Ledger.REQUIRED) @Size(max = 200, message = Ledger.AT_MOST) @PlainText String reason) {}

  private String reason(String reason) {
    Why why = new Why(reason == null ? null : reason.strip());
    FormCheck.of(validator, why).orThrow();
    return why.reason();
  }
}
