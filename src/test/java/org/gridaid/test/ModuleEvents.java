package org.gridaid.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Events between modules are handled after the publishing transaction commits, on the
 * application's task executor. Tests wait for that executor to fall idle (polling, no fixed
 * sleep) before they look at what the listeners did.
 */
public final class ModuleEvents {

  private ModuleEvents() {}

  public static void awaitHandled(ThreadPoolTaskExecutor applicationTaskExecutor) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> applicationTaskExecutor.getActiveCount() == 0
            && applicationTaskExecutor.getThreadPoolExecutor().getQueue().isEmpty());
  }
}
