package org.gridaid.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Many reservations at once (a care-pack campaign's grids): all of them, or none. */
@GridAidTest
class StockReserveAllTests {

  static final String SITE = "WH-JH";

  @Autowired
  StockLedger ledger;
  @Autowired
  SupplyItems items;

  String item(int onHand) {
    String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    items.createIfAbsent(new SupplyItem(code, "测试物资", "份", ItemCategory.OTHER, false, false), "test");
    ledger.receive(new Receipt(SITE, code, onHand, null, null, "测试入库", null), "test", null);
    return code;
  }

  @Test
  void everyReservationIsARowOfItsOwnAndTheBalanceIsPromisedTheirSum() {
    String rice = item(100);
    String milk = item(50);
    Reference campaign = Reference.of(ReferenceType.CAMPAIGN, "CP-test-" + rice);

    var reserved = ledger.reserveAll(List.of(new StockLedger.Wanted(SITE, rice, 30),
        new StockLedger.Wanted(SITE, milk, 20), new StockLedger.Wanted(SITE, rice, 40)), campaign, "test");

    assertThat(reserved).hasValueSatisfying(all -> {
      assertThat(all).extracting(Reservation::quantity).containsExactly(30, 20, 40);
      assertThat(all).extracting(Reservation::status).containsOnly(ReservationStatus.OPEN);
    });
    assertThat(ledger.level(SITE, rice).reserved()).isEqualTo(70);
    assertThat(ledger.level(SITE, milk).reserved()).isEqualTo(20);
    assertThat(ledger.movementsOf(campaign)).extracting(Movement::kind).containsOnly(MovementKind.RESERVE).hasSize(3);
    // each is issued on its own
    ledger.issue(reserved.get().get(0).id(), 30, "test");
    assertThat(ledger.level(SITE, rice).onHand()).isEqualTo(70);
    assertThat(ledger.level(SITE, rice).reserved()).isEqualTo(40);
  }

  @Test
  void oneItemShortAndNothingIsReserved() {
    String rice = item(100);
    String milk = item(10);
    Reference campaign = Reference.of(ReferenceType.CAMPAIGN, "CP-test-" + rice);

    var reserved = ledger.reserveAll(List.of(new StockLedger.Wanted(SITE, rice, 30),
        new StockLedger.Wanted(SITE, milk, 11)), campaign, "test");

    assertThat(reserved).isEmpty();
    assertThat(ledger.level(SITE, rice).reserved()).isZero();
    assertThat(ledger.level(SITE, milk).reserved()).isZero();
    assertThat(ledger.movementsOf(campaign)).isEmpty();
  }
}
