package org.gridaid.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.test.GridAidTest;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many couriers at once: never more promised than is on hand, a reservation issued once, and the
 * balances still what the movements add up to. Reservations race on both databases (they queue
 * in their site and item's lane, {@code ReservationLanes}, and are written in batches); the
 * other commands, which wait for each other's row locks in the database, on PostgreSQL only
 * (one database, many connections, as several nodes share it; H2 serves one node in
 * development and is no judge of row locks).
 */
@GridAidTest
class StockConcurrencyTests {

  static final int THREADS = 16;
  static final Reference DELIVERY = Reference.of(ReferenceType.MEDICINE_DELIVERY, 2022);

  @Autowired
  StockLedger ledger;
  @Autowired
  SupplySites sites;
  @Autowired
  SupplyItems items;
  @Autowired
  JdbcClient jdbc;

  ExecutorService threads;
  SupplyFixtures fixtures;
  String site;
  String item;

  @BeforeEach
  void aSiteAndAnItemOfTheirOwn() {
    threads = Executors.newFixedThreadPool(THREADS);
    fixtures = new SupplyFixtures(sites, items);
    site = fixtures.pharmacy("JH-LL").code();
    item = fixtures.item(true, true).code();
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    if (threads != null) {
      threads.shutdownNow();
      assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Runs {@code task} {@code times} times over all threads; the results in no particular order. */
  <T> List<T> atOnce(int times, Callable<T> task) throws Exception {
    List<Callable<T>> tasks = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      tasks.add(task);
    }
    List<T> results = new ArrayList<>();
    for (Future<T> result : threads.invokeAll(tasks)) {
      results.add(result.get());
    }
    return results;
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  @Test
  void manyCouriersReservingTheLastBoxesAtOnceGetExactlyTheStock() throws Exception {
    ledger.receive(new Receipt(site, item, 300, "INS-C1", LocalDate.of(2027, 6, 30), null, null), "pharmacy-01", null);

    List<Boolean> reserved = atOnce(1_600, () -> ledger.reserve(site, item, 1, DELIVERY, "pharmacy-01").isPresent());

    assertThat(reserved.stream().filter(r -> r).count()).isEqualTo(300);
    assertThat(ledger.level(site, item)).isEqualTo(new StockLevel(site, item, 300, 300));
    assertThat(count("select count(*) from stock_reservation where site_code = ? and item_code = ? and status = 'OPEN'",
        site, item)).isEqualTo(300);
    assertThat(count("select count(*) from stock_movement where site_code = ? and item_code = ? and kind = 'RESERVE'",
        site, item)).isEqualTo(300);
    assertThat(count("select count(*) from stock_movement m join stock_reservation r on r.id = m.reservation_id"
        + " where m.site_code = ? and m.item_code = ? and m.kind = 'RESERVE' and m.quantity = r.quantity", site, item))
        .as("each reservation's own movement").isEqualTo(300);
  }

  @Test
  void reservationsOfSeveralSizesAtOnceAreEachPromisedWholeOrNotAtAll() throws Exception {
    ledger.receive(new Receipt(site, item, 100, null, null, null, null), "pharmacy-01", null);
    AtomicInteger turn = new AtomicInteger();

    List<Integer> promised = atOnce(400, () -> {
      int quantity = 1 + turn.incrementAndGet() % 3;
      return ledger.reserve(site, item, quantity, DELIVERY, "pharmacy-01").map(Reservation::quantity).orElse(0);
    });

    assertThat(promised.stream().mapToInt(Integer::intValue).sum()).as("what the reservations hold")
        .isEqualTo(ledger.level(site, item).reserved()).isBetween(98, 100);
    assertThat(count("select coalesce(sum(quantity), 0) from stock_reservation where site_code = ? and item_code = ?",
        site, item)).isEqualTo(ledger.level(site, item).reserved());
  }

  @Test
  void aReservationIsIssuedOnceHoweverManyCouriersTakeItAtOnce() throws Exception {
    assumeTrue(TestDatabaseInitializer.onPostgres(), "one database for many connections is PostgreSQL");
    ledger.receive(new Receipt(site, item, 5, null, null, null, null), "pharmacy-01", null);
    long id = ledger.reserve(site, item, 2, DELIVERY, "pharmacy-01").orElseThrow().id();

    List<String> answers = atOnce(THREADS, () -> {
      try {
        ledger.issue(id, 2, "volunteer-lile-01");
        return "issued";
      } catch (ConflictException | OptimisticLockingFailureException e) {
        return "refused";
      }
    });

    assertThat(answers).containsOnlyOnce("issued");
    assertThat(ledger.level(site, item)).isEqualTo(new StockLevel(site, item, 3, 0));
    assertThat(count("select count(*) from stock_movement where reservation_id = ? and kind = 'ISSUE'", id))
        .isEqualTo(1);
  }

  @Test
  void reservationsIssuesReleasesReturnsAndTransfersAtOnceKeepTheBalancesOnTheMovements() throws Exception {
    assumeTrue(TestDatabaseInitializer.onPostgres(), "one database for many connections is PostgreSQL");
    String warehouse = fixtures.warehouse().code();
    ledger.receive(new Receipt(site, item, 60, "EARLY", LocalDate.of(2027, 1, 31), null, null), "pharmacy-01", null);
    ledger.receive(new Receipt(site, item, 60, "LATE", LocalDate.of(2028, 1, 31), null, null), "pharmacy-01", null);
    ledger.receive(new Receipt(warehouse, item, 60, null, null, null, null), "warehouse-01", null);
    AtomicInteger turn = new AtomicInteger();

    atOnce(400, () -> {
      int n = turn.incrementAndGet();
      switch (n % 5) {
        case 0 -> ledger.reserve(site, item, 2, DELIVERY, "pharmacy-01")
            .ifPresent(r -> ledger.issue(r.id(), 1, "volunteer-lile-01"));
        case 1 -> ledger.reserve(site, item, 3, DELIVERY, "pharmacy-01")
            .ifPresent(r -> ledger.release(r.id(), "居民已自行购药", "pharmacy-01"));
        case 2 -> ledger.reserve(site, item, 1, DELIVERY, "pharmacy-01").ifPresent(r -> {
          ledger.issue(r.id(), 1, "volunteer-lile-01");
          ledger.returnToStock(r.id(), 1, "居民不在家", "volunteer-lile-01");
        });
        case 3 -> transfer(site, warehouse);
        default -> transfer(warehouse, site);
      }
      return n;
    });

    StockLevel pharmacy = ledger.level(site, item);
    StockLevel depot = ledger.level(warehouse, item);
    long issued = count("select coalesce(sum(quantity), 0) from stock_movement where item_code = ? and kind = 'ISSUE'",
        item);
    long returned = count("select coalesce(sum(quantity), 0) from stock_movement where item_code = ?"
        + " and kind = 'RETURN'", item);
    assertThat(issued).as("some deliveries went out").isPositive();
    assertThat(pharmacy.onHand() + depot.onHand()).as("only issues take stock away, and returns bring it back")
        .isEqualTo(180 - issued + returned);
    for (String at : List.of(site, warehouse)) {
      assertThat(ledger.level(at, item).onHand()).isEqualTo(count("""
          select coalesce(sum(case when kind in ('RECEIVE', 'RETURN', 'ADJUST_IN', 'TRANSFER_IN') then quantity
                                   when kind in ('ISSUE', 'ADJUST_OUT', 'TRANSFER_OUT') then -quantity else 0 end), 0)
          from stock_movement where site_code = ? and item_code = ?""", at, item));
      assertThat(ledger.level(at, item).reserved()).isZero();
      assertThat(count("select coalesce(sum(on_hand), 0) from stock_lot where site_code = ? and item_code = ?", at,
          item)).isEqualTo(ledger.level(at, item).onHand());
    }
  }

  /** One unit from one site to the other; a site that has none to give is refused by name. */
  private void transfer(String from, String to) {
    try {
      ledger.transfer(new Transfer(from, to, item, 1, null, "调剂", null), "warehouse-01", null);
    } catch (org.gridaid.shared.web.InvalidInputException e) {
      assertThat(e.errors()).extracting(f -> f.field()).containsExactly("quantity");
    }
  }
}
