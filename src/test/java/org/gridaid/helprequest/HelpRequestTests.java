package org.gridaid.helprequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridaid.shared.web.ConflictException;
import org.junit.jupiter.api.Test;

/** The case refuses what its status does not allow, and records what it does. */
class HelpRequestTests {

  static final Instant RECEIVED = Instant.parse("2026-11-30T02:00:00Z");
  static final Triage P2 = new Triage("P2", Duration.ofHours(2), Duration.ofHours(24), "PT4H", false);

  static HelpRequest received() {
    var call = new NewHelpRequest("李女士", "13912345678", "礼乐街道中福花园5栋", null, null, "MEDICINE", "降压药只剩一天",
        null, List.of("ELDERLY_ALONE"), null).normalised();
    return HelpRequest.receive(call, "HR0000000001", "hash", "hotline-01", RECEIVED);
  }

  static HelpRequest assigned() {
    HelpRequest request = received();
    request.triage(P2, RECEIVED);
    request.assign("JH-LL-ZF-02", "system", RECEIVED);
    request.takeRecorded();
    return request;
  }

  @Test
  void aNewCaseIsReceivedAndTheResidentIsToldWithItsTrackingCode() {
    HelpRequest request = received();

    assertThat(request.status()).isEqualTo(HelpRequestStatus.RECEIVED);
    assertThat(request.channel()).isEqualTo(Channel.HOTLINE);
    assertThat(request.takeRecorded()).singleElement().satisfies(recorded -> {
      assertThat(recorded.event().type()).isEqualTo(TimelineEventType.RECEIVED);
      assertThat(recorded.message()).isEqualTo(ResidentText.RECEIVED);
    });
    assertThat(request.takeRecorded()).as("handed over once").isEmpty();
  }

  @Test
  void deadlinesCountFromIntakeAndOnlyTheFirstResponseCounts() {
    HelpRequest request = assigned();

    assertThat(request.responseDueAt()).isEqualTo(RECEIVED.plus(Duration.ofHours(2)));
    assertThat(request.respond("grid-1", RECEIVED.plusSeconds(60))).isTrue();
    assertThat(request.respond("grid-2", RECEIVED.plusSeconds(120))).isFalse();
    assertThat(request.firstResponseAt()).isEqualTo(RECEIVED.plusSeconds(60));
    assertThat(request.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
  }

  @Test
  void aHoldStopsTheClockForExactlyTheTimeOnHold() {
    HelpRequest request = assigned();
    Instant due = request.resolutionDueAt();

    assertThat(request.requestHold("居民外出", RECEIVED.plus(Duration.ofHours(5)), "grid-1",
        RECEIVED.plus(Duration.ofHours(1)))).as("the first hold starts at once").isTrue();
    assertThatThrownBy(() -> request.handle(HandlingOutcome.RESOLVED, "已送药", "grid-1", RECEIVED))
        .as("nobody handles a case that waits for the resident").isInstanceOf(ConflictException.class);
    request.resume(RECEIVED.plus(Duration.ofHours(4)));

    assertThat(request.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
    assertThat(request.resolutionDueAt()).isEqualTo(due.plus(Duration.ofHours(3)));
    assertThat(request.timeOnHold()).isEqualTo(Duration.ofHours(3));
    assertThat(request.holdTimeLeft(Duration.ofDays(7))).isEqualTo(Duration.ofDays(7).minusHours(3));
  }

  @Test
  void aSecondHoldWaitsForTheGridLeadersDecision() {
    HelpRequest request = assigned();
    request.requestHold("居民外出", RECEIVED.plus(Duration.ofHours(5)), "grid-1", RECEIVED.plus(Duration.ofHours(1)));
    request.resume(RECEIVED.plus(Duration.ofHours(2)));
    Instant again = RECEIVED.plus(Duration.ofHours(3));

    assertThat(request.requestHold("居民仍未返回", again.plus(Duration.ofDays(1)), "grid-1", again)).isFalse();
    assertThat(request.status()).as("on the clock until the grid leader agrees").isEqualTo(HelpRequestStatus.IN_PROGRESS);
    assertThat(request.holdAwaitingApproval()).isTrue();
    request.refuseHold("grid-leader-1", "请今日上门", again);
    assertThat(request.holdAwaitingApproval()).isFalse();
    assertThatThrownBy(() -> request.approveHold("grid-leader-1", again))
        .as("nothing left to approve").isInstanceOf(ConflictException.class);

    request.requestHold("居民仍未返回", again.plus(Duration.ofDays(1)), "grid-1", again);
    request.approveHold("grid-leader-1", again);
    assertThat(request.status()).isEqualTo(HelpRequestStatus.ON_HOLD);
    assertThat(request.holdCount()).isEqualTo(2);
  }

  @Test
  void aCallBackComesOnlyAfterHandlingAndThreeUnansweredOnesCloseTheCase() {
    HelpRequest request = assigned();
    assertThatThrownBy(() -> request.recordCallback(true, true, null, "hotline-01", RECEIVED))
        .isInstanceOf(ConflictException.class);
    request.handle(HandlingOutcome.RESOLVED, "已送药", "grid-1", RECEIVED);

    assertThat(request.recordCallback(false, false, null, "hotline-01", RECEIVED)).isEqualTo(CallbackResult.TRY_AGAIN);
    assertThat(request.recordCallback(false, false, null, "hotline-01", RECEIVED)).isEqualTo(CallbackResult.TRY_AGAIN);
    assertThat(request.recordCallback(false, false, null, "hotline-01", RECEIVED))
        .isEqualTo(CallbackResult.CLOSE_UNREACHABLE);
    assertThat(request.status()).isEqualTo(HelpRequestStatus.CLOSED_UNREACHABLE);
  }

  @Test
  void anUnhappyResidentSendsTheCaseBackWithAFreshWindow() {
    HelpRequest request = assigned();
    request.handle(HandlingOutcome.RESOLVED, "已送药", "grid-1", RECEIVED);
    Instant callback = RECEIVED.plus(Duration.ofHours(30));

    assertThat(request.recordCallback(true, false, "药不对", "hotline-01", callback))
        .isEqualTo(CallbackResult.RETURN_TO_GRID);
    assertThat(request.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
    assertThat(request.resolutionDueAt()).isEqualTo(callback.plus(Duration.ofHours(24)));
    assertThat(request.outcome()).isNull();
  }

  @Test
  void aClosedCaseCannotBeCancelledOrEscalated() {
    HelpRequest request = assigned();
    request.handle(HandlingOutcome.RESOLVED, "已送药", "grid-1", RECEIVED);
    request.recordCallback(true, true, null, "hotline-01", RECEIVED);

    assertThatThrownBy(() -> request.cancel("不需要了", "api-key:partner", RECEIVED))
        .isInstanceOf(ConflictException.class).hasMessageContaining("CLOSED");
    assertThatThrownBy(() -> request.escalate(EscalationLevel.COMMUNITY, RECEIVED))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void anotherGridStartsAfreshButWithTheDeadlinesOfIntake() {
    HelpRequest request = assigned();
    request.respond("grid-1", RECEIVED);
    Instant due = request.resolutionDueAt();

    request.reroute("JH-LL-ZF-03", "grid-1", RECEIVED.plusSeconds(600));

    assertThat(request.gridCode()).isEqualTo("JH-LL-ZF-03");
    assertThat(request.status()).isEqualTo(HelpRequestStatus.ASSIGNED);
    assertThat(request.firstResponseAt()).isNull();
    assertThat(request.resolutionDueAt()).isEqualTo(due);
  }
}
