package org.gridaid.shared.engine;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's one {@link Clock}: the engine's, see {@link EngineClock}. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
