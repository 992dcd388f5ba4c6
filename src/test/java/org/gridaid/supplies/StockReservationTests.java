package org.gridaid.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A reservation is released or issued once; what comes back is never more than went out. */
class StockReservationTests {

  static final Instant AT = Instant.parse("2026-11-30T02:00:00Z");
  static final Reference DELIVERY = Reference.of(ReferenceType.MEDICINE_DELIVERY, 42);

  static StockReservation open(int quantity) {
    StockReservation r = StockReservation.open("PH-JH-LL", "MED-INSULIN", quantity, DELIVERY, "pharmacy-01", AT);
    r.inserted(7);
    return r;
  }

  @Test
  void nothingIsReservedOfNothing() {
    assertThatThrownBy(() -> StockReservation.open("PH-JH-LL", "MED-INSULIN", 0, DELIVERY, "pharmacy-01", AT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("quantity");
  }

  @Test
  void aReleasedReservationIsNeitherReleasedNorIssuedAgain() {
    StockReservation r = open(2);
    r.release("pharmacy-01", AT);

    assertThat(r.view().status()).isEqualTo(ReservationStatus.RELEASED);
    assertThat(r.view().closedBy()).isEqualTo("pharmacy-01");
    assertThatThrownBy(() -> r.release("pharmacy-01", AT)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> r.issue(1, "pharmacy-01", AT)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> r.takeBack(1)).isInstanceOf(ConflictException.class);
  }

  @Test
  void anIssueTakesAtMostWhatWasReservedAndLeavesTheRestFree() {
    StockReservation r = open(3);
    assertThatThrownBy(() -> r.issue(4, "pharmacy-01", AT)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> r.issue(0, "pharmacy-01", AT)).isInstanceOf(InvalidInputException.class);
    assertThat(r.view().status()).as("a refused issue changes nothing").isEqualTo(ReservationStatus.OPEN);

    assertThat(r.issue(2, "pharmacy-01", AT)).as("the rest, released").isEqualTo(1);

    assertThat(r.view().issued()).isEqualTo(2);
    assertThat(r.view().status()).isEqualTo(ReservationStatus.ISSUED);
    assertThatThrownBy(() -> r.issue(1, "pharmacy-01", AT)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> r.release("pharmacy-01", AT)).isInstanceOf(ConflictException.class);
  }

  @Test
  void whatComesBackIsNeverMoreThanWentOut() {
    StockReservation r = open(3);
    assertThatThrownBy(() -> r.takeBack(1)).as("nothing went out yet").isInstanceOf(ConflictException.class);
    r.issue(2, "pharmacy-01", AT);

    r.takeBack(1);
    assertThatThrownBy(() -> r.takeBack(2)).isInstanceOf(InvalidInputException.class);
    r.takeBack(1);

    assertThat(r.view().returned()).isEqualTo(2);
    assertThatThrownBy(() -> r.takeBack(1)).isInstanceOf(InvalidInputException.class);
  }
}
