package org.gridaid.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridaid.shared.web.ConflictException;
import org.junit.jupiter.api.Test;

/** The appeal alone: what its transitions allow and refuse. */
class AppealTests {

  static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");

  static Appeal open() {
    return Appeal.open("抗疫爱心捐款", AppealKind.MONEY, null, 100_00, NOW.plus(Duration.ofDays(3)), List.of(), null,
        "donation-desk-01", NOW);
  }

  @Test
  void anOpenAppealsDeadlineMovesToALaterOne() {
    Appeal appeal = open();
    Instant later = NOW.plus(Duration.ofDays(7));
    appeal.extendDeadline(later, NOW.plus(Duration.ofDays(3)));
    assertThat(appeal.deadline()).isEqualTo(later);
    assertThat(appeal.status()).isEqualTo(AppealStatus.OPEN);
  }

  @Test
  void aDeadlineIsNeverMovedIntoThePast() {
    Appeal appeal = open();
    Instant at = NOW.plus(Duration.ofDays(3));
    assertThatThrownBy(() -> appeal.extendDeadline(at.minusSeconds(1), at))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> appeal.extendDeadline(at, at)).isInstanceOf(IllegalArgumentException.class);
    assertThat(appeal.deadline()).isEqualTo(at);
  }

  @Test
  void aClosedAppealsDeadlineStaysAsItWas() {
    Appeal appeal = open();
    appeal.close("donation-desk-01", NOW.plusSeconds(60));
    assertThatThrownBy(() -> appeal.extendDeadline(NOW.plus(Duration.ofDays(9)), NOW.plusSeconds(120)))
        .isInstanceOf(ConflictException.class);
    assertThat(appeal.deadline()).isEqualTo(NOW.plus(Duration.ofDays(3)));
  }
}
