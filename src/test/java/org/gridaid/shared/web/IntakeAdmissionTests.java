package org.gridaid.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** A node at its limit of intakes refuses the next at once, 503 with Retry-After, and takes it again once one is done. */
class IntakeAdmissionTests {

  @Test
  void atItsLimitANodeRefusesAtOnceAndAdmitsAgainWhenAnIntakeIsDone() throws Exception {
    IntakeAdmission admission = new IntakeAdmission(new IntakeSettings(1, Duration.ofMillis(20)));
    CountDownLatch working = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
      working.countDown();
      await(release);
      return "first stored";
    }));
    assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();

    long started = System.nanoTime();
    assertThatThrownBy(() -> admission.admit(() -> "second stored")).isInstanceOf(IntakeAdmission.Overloaded.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused at once, not after a wait")
        .isLessThan(Duration.ofMillis(500));

    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first stored");
    assertThat(admission.admit(() -> "third stored")).isEqualTo("third stored");
  }

  @Test
  void anOverloadedNodeAnswers503WithRetryAfter() {
    IntakeAdmission admission = new IntakeAdmission(new IntakeSettings(1, Duration.ZERO));
    var refused = new IntakeAdmission.Overloaded();

    var answer = new ApiExceptionHandler().overloaded(refused);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(answer.getBody().getType()).isEqualTo(Problems.OVERLOADED);
    assertThat(admission.admit(() -> "admitted when free")).isEqualTo("admitted when free");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void unsetANodeTakesAsManyIntakesAtOnceAsItHasCores() {
    int cores = Runtime.getRuntime().availableProcessors();

    assertThat(new IntakeSettings(null, Duration.ZERO).concurrentIntakes()).isEqualTo(cores);
    assertThat(new IntakeSettings(3, Duration.ZERO).concurrentIntakes()).isEqualTo(3);
  }
}
