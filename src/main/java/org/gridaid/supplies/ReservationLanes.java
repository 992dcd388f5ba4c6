package org.gridaid.supplies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.gridaid.supplies.StockMovements.NewMovement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reservations of one item at one site that arrive while another is being written wait and are
 * written together, in one transaction: the first waiting caller to get the site and item's lane
 * writes every reservation queued there by then (group commit). Every reservation still gets its
 * own row and RESERVE movement; they are promised in the order they came, each only if what is
 * still free covers it, and the balance's row is locked once for all of them.
 *
 * <p>Why: the balance's row of a scarce item is what every courier waits for. Written one by one,
 * each reservation holds that row over its round trips to the database, and 32 couriers wait
 * in a line for it; together, the line moves a batch at a time (see the README's "Stock ledger"
 * figures: at 32 at once they go about as fast as a bare conditional update of one row). A lane
 * is one node's: other nodes' batches meet at the row's lock in the database.
 *
 * <p>Only for callers outside a transaction (REST, a scheduled job): a reservation inside the
 * caller's transaction is that transaction's, and is written there ({@link StockLedger}).
 */
@Component
class ReservationLanes {

  /** The most reservations written in one transaction. */
  static final int MOST_AT_ONCE = 200;

  private final StockBalances balances;
  private final StockReservations reservations;
  private final StockMovements movements;
  private final TransactionTemplate transaction;
  private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

  ReservationLanes(StockBalances balances, StockReservations reservations, StockMovements movements,
      TransactionTemplate transaction) {
    this.balances = balances;
    this.reservations = reservations;
    this.movements = movements;
    this.transaction = transaction;
  }

  private static final class Lane {
    final ReentrantLock writing = new ReentrantLock();
    final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
  }

  /** A reservation waiting to be written, and the thread that waits for it. */
  private static final class Waiting {
    final StockReservation reservation;
    final Thread thread = Thread.currentThread();
    volatile boolean written;
    boolean promised;
    RuntimeException failure;

    Waiting(StockReservation reservation) {
      this.reservation = reservation;
    }
  }

  /**
   * The reservation with its id if its quantity was still free; empty (nothing recorded) if not.
   * The caller who finds the lane free writes what is queued, in batches, until its own
   * reservation is written, and then wakes the first still waiting, who does the same; the
   * others sleep until whoever wrote their reservation wakes them.
   */
  Optional<StockReservation> reserve(StockReservation reservation) {
    Lane lane = lanes.computeIfAbsent(reservation.siteCode() + "\n" + reservation.itemCode(), key -> new Lane());
    Waiting waiting = new Waiting(reservation);
    lane.queue.add(waiting);
    boolean interrupted = false;
    while (!waiting.written) {
      if (lane.writing.tryLock()) {
        try {
          while (!waiting.written) {
            List<Waiting> batch = new ArrayList<>();
            for (Waiting next; batch.size() < MOST_AT_ONCE && (next = lane.queue.poll()) != null; ) {
              batch.add(next);
            }
            write(batch);
          }
        } finally {
          lane.writing.unlock();
        }
        // who queued while this caller wrote needs a writer: every unlock is followed by this look
        Waiting next = lane.queue.peek();
        if (next != null) {
          LockSupport.unpark(next.thread);
        }
      } else {
        // the writer wakes this caller once its reservation is written, or to write; an
        // interrupt cannot take back a reservation that may be being written, so it waits on
        LockSupport.park(this);
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (waiting.failure != null) {
      throw waiting.failure;
    }
    return waiting.promised ? Optional.of(reservation) : Optional.empty();
  }

  /** Promises in order what is free, writes the reservations promised and their movements, and tells each. */
  private void write(List<Waiting> batch) {
    List<Waiting> promised = new ArrayList<>();
    try {
      transaction.executeWithoutResult(status -> {
        StockReservation first = batch.get(0).reservation;
        String site = first.siteCode();
        String item = first.itemCode();
        int wanted = batch.stream().mapToInt(w -> w.reservation.quantity()).sum();
        // mostly there is enough for all: one conditional update promises it
        if (balances.reserve(site, item, wanted)) {
          promised.addAll(batch);
        } else {
          int free = balances.freeForUpdate(site, item).orElse(0);
          int total = 0;
          for (Waiting w : batch) {
            if (w.reservation.quantity() <= free - total) {
              promised.add(w);
              total += w.reservation.quantity();
            }
          }
          if (total == 0) {
            return;
          }
          balances.promise(site, item, total);
        }
        List<StockReservation> rows = promised.stream().map(w -> w.reservation).toList();
        reservations.insertAll(rows);
        movements.appendAll(rows.stream().map(r -> new NewMovement(MovementKind.RESERVE, r.siteCode(),
            r.itemCode(), null, null, r.quantity(), null, r.reservedBy(), r.reservedAt(), r.reference(), r.id(), null,
            null, null, null)).toList());
      });
      promised.forEach(w -> w.promised = true);
    } catch (RuntimeException e) {
      batch.forEach(w -> w.failure = e);
    }
    for (Waiting w : batch) {
      // the outcome before the flag: a woken caller reads the flag, then the outcome
      w.written = true;
      if (w.thread != Thread.currentThread()) {
        LockSupport.unpark(w.thread);
      }
    }
  }
}
