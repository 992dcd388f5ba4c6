package org.gridaid.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.Problems.FieldError;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's rules through its Java API, as the medicine, care-pack and donation flows call it:
 * never negative, never more promised than on hand, a reservation released or issued once, a
 * correction a movement of its own, and the balances always what the movements add up to.
 */
@GridAidTest
class StockLedgerTests {

  static final Reference DELIVERY = Reference.of(ReferenceType.MEDICINE_DELIVERY, 42);
  static final LocalDate SOON = LocalDate.of(2027, 3, 31);
  static final LocalDate LATER = LocalDate.of(2028, 6, 30);

  @Autowired
  StockLedger ledger;
  @Autowired
  SupplySites sites;
  @Autowired
  SupplyItems items;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TransactionTemplate transaction;

  SupplyFixtures fixtures;
  String site;
  String item;

  @BeforeEach
  void aSiteAndAnItemOfTheirOwn() {
    fixtures = new SupplyFixtures(sites, items);
    site = fixtures.pharmacy("JH-LL").code();
    item = fixtures.item(true, true).code();
  }

  Recorded receive(int quantity, String batch, LocalDate expiry) {
    return ledger.receive(new Receipt(site, item, quantity, batch, expiry, "采购到货", null), "warehouse-01", null);
  }

  Reservation reserve(int quantity) {
    return ledger.reserve(site, item, quantity, DELIVERY, "pharmacy-01").orElseThrow();
  }

  StockLevel level() {
    return ledger.level(site, item);
  }

  List<MovementKind> kinds(long reservationId) {
    return jdbc.sql("select kind from stock_movement where reservation_id = ? order by id").param(reservationId)
        .query((rs, row) -> MovementKind.valueOf(rs.getString(1))).list();
  }

  static List<String> fields(InvalidInputException e) {
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void nothingIsPromisedBeyondWhatIsOnHandAndATryThatFindsTooLittleRecordsNothing() {
    receive(5, null, null);

    assertThat(ledger.reserve(site, item, 3, DELIVERY, "pharmacy-01")).isPresent();
    assertThat(ledger.reserve(site, item, 3, DELIVERY, "pharmacy-01")).as("only 2 left").isEmpty();
    assertThat(ledger.reserve(site, item, 2, DELIVERY, "pharmacy-01")).isPresent();
    assertThat(ledger.reserve(site, item, 1, DELIVERY, "pharmacy-01")).isEmpty();

    assertThat(level()).isEqualTo(new StockLevel(site, item, 5, 5));
    assertThat(jdbc.sql("select count(*) from stock_reservation where site_code = ?").param(site).query(Long.class)
        .single()).isEqualTo(2);
    assertThat(ledger.reserve(site, fixtures.item().code(), 1, DELIVERY, "pharmacy-01"))
        .as("an item the site never had").isEmpty();
  }

  @Test
  void aReleaseFreesTheStockOnceAndAReleasedReservationIsNotIssued() {
    receive(4, null, null);
    Reservation reservation = reserve(3);

    Reservation released = ledger.release(reservation.id(), "居民已自行购药", "pharmacy-01");

    assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
    assertThat(level()).isEqualTo(new StockLevel(site, item, 4, 0));
    assertThatThrownBy(() -> ledger.release(reservation.id(), "再次释放", "pharmacy-01"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ledger.issue(reservation.id(), 1, "pharmacy-01")).isInstanceOf(ConflictException.class);
    assertThat(level()).as("refused twice, changed nothing").isEqualTo(new StockLevel(site, item, 4, 0));
    assertThat(kinds(reservation.id())).containsExactly(MovementKind.RESERVE, MovementKind.RELEASE);
    assertThatThrownBy(() -> ledger.release(reservation.id(), " ", "pharmacy-01"))
        .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(fields((InvalidInputException) e))
            .containsExactly("reason"));
  }

  @Test
  void anIssueTakesTheBatchesThatExpireFirstAndFreesWhatItDidNotTake() {
    receive(3, "LATE-" + item, LATER);
    receive(2, "SOON-" + item, SOON);
    Reservation reservation = reserve(4);

    Reservation issued = ledger.issue(reservation.id(), 3, "volunteer-lile-01");

    assertThat(issued.status()).isEqualTo(ReservationStatus.ISSUED);
    assertThat(issued.issued()).isEqualTo(3);
    assertThat(level()).as("3 left the site, the 4th promised box is free again")
        .isEqualTo(new StockLevel(site, item, 2, 0));
    assertThat(jdbc.sql("select kind, batch, quantity from stock_movement where reservation_id = ? order by id")
        .param(reservation.id()).query((rs, row) -> tuple(rs.getString(1), rs.getString(2), rs.getInt(3))).list())
        .containsExactly(tuple("RESERVE", null, 4), tuple("ISSUE", "SOON-" + item, 2),
            tuple("ISSUE", "LATE-" + item, 1), tuple("RELEASE", null, 1));
    assertThat(lots()).containsExactly(Map.entry("LATE-" + item, 2), Map.entry("SOON-" + item, 0));
    assertThatThrownBy(() -> ledger.issue(reservation.id(), 1, "volunteer-lile-01"))
        .isInstanceOf(ConflictException.class);
  }

  Map<String, Integer> lots() {
    Map<String, Integer> lots = new java.util.TreeMap<>();
    jdbc.sql("select batch, on_hand from stock_lot where site_code = ? and item_code = ?").params(site, item)
        .query((rs, row) -> lots.put(rs.getString(1), rs.getInt(2))).list();
    return lots;
  }

  @Test
  void whatIsNotDeliveredComesBackIntoItsBatchButNeverMoreThanWentOut() {
    receive(2, "SOON-" + item, SOON);
    receive(2, "LATE-" + item, LATER);
    Reservation reservation = reserve(3);
    ledger.issue(reservation.id(), 3, "volunteer-lile-01");

    Reservation back = ledger.returnToStock(reservation.id(), 2, "居民不在家", "volunteer-lile-01");

    assertThat(back.returned()).isEqualTo(2);
    assertThat(level()).isEqualTo(new StockLevel(site, item, 3, 0));
    assertThat(lots()).as("back into the batches it left, in their order")
        .containsExactly(Map.entry("LATE-" + item, 1), Map.entry("SOON-" + item, 2));
    assertThatThrownBy(() -> ledger.returnToStock(reservation.id(), 2, "再退", "volunteer-lile-01"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(level()).isEqualTo(new StockLevel(site, item, 3, 0));
  }

  @Test
  void anAdjustmentNeverTakesOnHandBelowWhatIsPromised() {
    receive(5, null, null);
    reserve(4);

    assertThatThrownBy(() -> ledger.adjust(new Adjustment(site, item, -2, null, null, "破损", null), "warehouse-01",
        null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 1")
        .satisfies(e -> assertThat(fields((InvalidInputException) e)).containsExactly("change"));
    assertThat(level()).isEqualTo(new StockLevel(site, item, 5, 4));

    ledger.adjust(new Adjustment(site, item, -1, null, null, "破损", null), "warehouse-01", null);
    assertThat(level()).isEqualTo(new StockLevel(site, item, 4, 4));
    assertThatThrownBy(() -> ledger.adjust(new Adjustment(site, item, 0, null, null, "盘点", null), "warehouse-01",
        null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("change");
    assertThatThrownBy(() -> ledger.adjust(new Adjustment(site, item, -5, null, null, "盘点", null), "warehouse-01",
        null)).as("more than is on hand").isInstanceOf(InvalidInputException.class);
    assertThat(level()).isEqualTo(new StockLevel(site, item, 4, 4));
  }

  @Test
  void aCorrectionIsAMovementOfItsOwnAndTheFirstStaysAsItWas() {
    Movement wrong = receive(10, null, null).movements().get(0);
    Map<String, Object> before = jdbc.sql("select * from stock_movement where id = ?").param(wrong.id()).query()
        .singleRow();

    Recorded correction = ledger.adjust(new Adjustment(site, item, -3, null, null, "入库数量录错, 实收7盒",
        Reference.of(ReferenceType.STOCKTAKE, "2026-11-30")), "warehouse-01", null);

    assertThat(correction.movements()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MovementKind.ADJUST_OUT);
      assertThat(m.quantity()).isEqualTo(3);
      assertThat(m.reason()).isEqualTo("入库数量录错, 实收7盒");
      assertThat(m.actor()).isEqualTo("warehouse-01");
    });
    assertThat(jdbc.sql("select * from stock_movement where id = ?").param(wrong.id()).query().singleRow())
        .isEqualTo(before);
    assertThat(level()).isEqualTo(new StockLevel(site, item, 7, 0));
  }

  @Test
  void aBatchKeepsOneExpiryAndAnExpiryNeedsABatch() {
    receive(1, "B-" + item, SOON);

    Recorded again = receive(1, "B-" + item, null);
    assertThat(again.movements().get(0).expiry()).as("taken from the batch").isEqualTo(SOON);
    assertThatThrownBy(() -> receive(1, "B-" + item, LATER)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields((InvalidInputException) e)).containsExactly("expiry"));
    assertThatThrownBy(() -> receive(1, null, LATER)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields((InvalidInputException) e)).containsExactly("expiry"));
  }

  @Test
  void everyFaultOfACommandIsNamedAtOnce() {
    SupplySite closed = new SupplySite("T-CLOSED-" + SupplyFixtures.unique(), "已撤销站点", SiteKind.PHARMACY, "JH-LL",
        false);
    sites.createIfAbsent(closed, "test");

    assertThatThrownBy(() -> ledger.receive(new Receipt("NO-SUCH-SITE", "NO-SUCH-ITEM", 0, null, null, null, null),
        "warehouse-01", null)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields((InvalidInputException) e))
            .containsExactly("siteCode", "itemCode", "quantity"));
    assertThatThrownBy(() -> ledger.receive(new Receipt(closed.code(), item, 1, null, null, null,
        new Reference(null, " ")), "warehouse-01", null)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields((InvalidInputException) e))
            .containsExactlyInAnyOrder("siteCode", "reference.type", "reference.id"));
    assertThatThrownBy(() -> ledger.reserve(site, item, -1, null, "pharmacy-01"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields((InvalidInputException) e)).containsExactlyInAnyOrder("quantity", "reference"));
  }

  @Test
  void aTransferTakesOnlyWhatTheSourceCanStillGiveAndEachBatchArrivesWithItsExpiry() {
    String warehouse = fixtures.warehouse().code();
    ledger.receive(new Receipt(warehouse, item, 5, "W-" + item, SOON, null, null), "warehouse-01", null);
    ledger.reserve(warehouse, item, 2, DELIVERY, "warehouse-01").orElseThrow();

    assertThatThrownBy(() -> ledger.transfer(new Transfer(warehouse, site, item, 4, null, "调拨", null), "warehouse-01",
        null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("quantity");
    Recorded sent = ledger.transfer(new Transfer(warehouse, site, item, 3, null, "补充药房", null), "warehouse-01", null);

    assertThat(sent.movements()).extracting(Movement::kind, Movement::siteCode, Movement::batch, Movement::expiry,
            Movement::quantity)
        .containsExactly(tuple(MovementKind.TRANSFER_OUT, warehouse, "W-" + item, SOON, 3),
            tuple(MovementKind.TRANSFER_IN, site, "W-" + item, SOON, 3));
    assertThat(sent.movements().get(1).counterpartId()).isEqualTo(sent.movements().get(0).id());
    assertThat(ledger.level(warehouse, item)).isEqualTo(new StockLevel(warehouse, item, 2, 2));
    assertThat(level()).isEqualTo(new StockLevel(site, item, 3, 0));
    assertThatThrownBy(() -> ledger.transfer(new Transfer(site, site, item, 1, null, null, null), "warehouse-01", null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields((InvalidInputException) e)).containsExactly("toSiteCode"));
  }

  @Test
  void aCommandSentAgainUnderItsKeyIsRecordedOnceAndAnotherCommandUnderItIsRefused() {
    Receipt receipt = new Receipt(site, item, 6, null, null, "捐赠到货", Reference.of(ReferenceType.DONATION, 9));

    Recorded first = ledger.receive(receipt, "warehouse-01", "donation-9-goods");
    Recorded again = ledger.receive(receipt, "warehouse-01", "donation-9-goods");

    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.movements()).isEqualTo(first.movements());
    assertThat(level()).isEqualTo(new StockLevel(site, item, 6, 0));
    assertThatThrownBy(() -> ledger.receive(new Receipt(site, item, 7, null, null, "捐赠到货",
        Reference.of(ReferenceType.DONATION, 9)), "warehouse-01", "donation-9-goods"))
        .isInstanceOf(ConflictException.class);

    Reservation reserved = ledger.reserve(site, item, 2, DELIVERY, "pharmacy-01", "delivery-42").orElseThrow();
    assertThat(ledger.reserve(site, item, 2, DELIVERY, "pharmacy-01", "delivery-42")).contains(reserved);
    assertThat(level()).isEqualTo(new StockLevel(site, item, 6, 2));
  }

  @Test
  void aReservationThatFindsTooLittleUndoesOnlyItsOwnWorkInTheCallersTransaction() {
    receive(1, null, null);
    String other = fixtures.item().code();

    Optional<Reservation> reserved = transaction.execute(status -> {
      ledger.receive(new Receipt(site, other, 1, null, null, null, null), "warehouse-01", null);
      return ledger.reserve(site, item, 2, DELIVERY, "pharmacy-01");
    });

    assertThat(reserved).isEmpty();
    assertThat(ledger.level(site, other)).as("the caller's transaction went on and committed")
        .isEqualTo(new StockLevel(site, other, 1, 0));
    assertThat(level()).isEqualTo(new StockLevel(site, item, 1, 0));
  }

  @Test
  void theNearestSiteIsInTheRecipientsStreetFirstThenAnywhereInTheDistrict() {
    String lile = site;
    String waihai = fixtures.pharmacy("JH-WH").code();
    String warehouse = fixtures.warehouse().code();
    ledger.receive(new Receipt(waihai, item, 5, null, null, null, null), "warehouse-01", null);
    ledger.receive(new Receipt(warehouse, item, 50, null, null, null, null), "warehouse-01", null);
    List<String> lileFirst = List.of("JH-LL", "JH");

    assertThat(sites.nearestWith(item, 1, lileFirst, Set.of()).map(s -> s.site().code()))
        .as("none in 礼乐街道: the district's site with the most").contains(warehouse);
    assertThat(sites.nearestWith(item, 1, lileFirst, Set.of(SiteKind.PHARMACY)).map(s -> s.site().code()))
        .contains(waihai);

    ledger.receive(new Receipt(lile, item, 2, null, null, null, null), "warehouse-01", null);
    assertThat(sites.nearestWith(item, 2, lileFirst, Set.of()).map(s -> s.site().code())).contains(lile);
    assertThat(sites.nearestWith(item, 3, lileFirst, Set.of()).map(s -> s.site().code())).contains(warehouse);
    assertThat(sites.nearestWith(item, 51, lileFirst, Set.of())).isEmpty();

    Reservation first = ledger.reserveNearest(item, 2, lileFirst, Set.of(), DELIVERY, "pharmacy-01").orElseThrow();
    Reservation second = ledger.reserveNearest(item, 2, lileFirst, Set.of(), DELIVERY, "pharmacy-01").orElseThrow();
    assertThat(first.siteCode()).isEqualTo(lile);
    assertThat(second.siteCode()).as("the street's is promised now").isEqualTo(warehouse);
  }

  @Test
  void itemsSayHowTheyAreHandled() {
    assertThat(items.prescriptionOnly("MED-INSULIN")).isTrue();
    assertThat(items.coldChain("MED-INSULIN")).isTrue();
    assertThat(items.prescriptionOnly("MED-IBUPROFEN")).isFalse();
    assertThat(items.coldChain("FOOD-RICE")).isFalse();
  }

  /**
   * The balances are what the movements add up to, for every site and item and batch the
   * database holds (the demo stock and every other test's too), computed here without the
   * ledger's code; and what is reserved is what the open reservations hold.
   */
  @Test
  void theBalancesAreWhatTheMovementsAddUpTo() {
    receive(3, "S-" + item, SOON);
    Reservation issued = reserve(2);
    ledger.issue(issued.id(), 1, "volunteer-lile-01");
    ledger.returnToStock(issued.id(), 1, "未送达", "volunteer-lile-01");
    reserve(1);
    ledger.adjust(new Adjustment(site, item, 2, null, null, "盘盈", null), "warehouse-01", null);
    ledger.transfer(new Transfer(site, fixtures.warehouse().code(), item, 1, null, "调回", null), "warehouse-01", null);

    String onHand = """
        sum(case when kind in ('RECEIVE', 'RETURN', 'ADJUST_IN', 'TRANSFER_IN') then quantity
                 when kind in ('ISSUE', 'ADJUST_OUT', 'TRANSFER_OUT') then -quantity else 0 end)""";
    List<String> fromMovements = jdbc.sql("select site_code, item_code, " + onHand + """
            , sum(case when kind = 'RESERVE' then quantity when kind in ('RELEASE', 'ISSUE') then -quantity
                       else 0 end)
            from stock_movement group by site_code, item_code order by site_code, item_code""")
        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4)).list();
    List<String> balances = jdbc.sql("""
            select site_code, item_code, on_hand, reserved from stock_balance order by site_code, item_code""")
        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4)).list();
    assertThat(balances).isNotEmpty().isEqualTo(fromMovements);

    List<String> lotsFromMovements = jdbc.sql("select site_code, item_code, coalesce(batch, ''), " + onHand + """
             from stock_movement where kind not in ('RESERVE', 'RELEASE')
            group by site_code, item_code, coalesce(batch, '') order by 1, 2, 3""")
        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " [" + rs.getString(3) + "] " + rs.getInt(4))
        .list();
    List<String> lots = jdbc.sql("select site_code, item_code, batch, on_hand from stock_lot order by 1, 2, 3")
        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " [" + rs.getString(3) + "] " + rs.getInt(4))
        .list();
    assertThat(lots).isEqualTo(lotsFromMovements);

    List<String> promised = jdbc.sql("""
            select b.site_code, b.item_code, b.reserved, coalesce(sum(r.quantity), 0) from stock_balance b
              left join stock_reservation r on r.site_code = b.site_code and r.item_code = b.item_code
                and r.status = 'OPEN'
            group by b.site_code, b.item_code, b.reserved having b.reserved <> coalesce(sum(r.quantity), 0)""")
        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list();
    assertThat(promised).as("balances whose reserved is not what their open reservations hold").isEmpty();
  }
}
