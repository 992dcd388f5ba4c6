package org.gridaid.apikey;

import java.util.Set;
import org.gridaid.shared.DemoSettings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo partner key, allowed every outside-system operation; demo profile only. */
@Component
@Profile("demo")
class DemoApiKey implements ApplicationRunner {

  static final String NAME = "demo-partner";

  private final ApiKeyService service;
  private final String secret;

  DemoApiKey(ApiKeyService service, DemoSettings settings) {
    this.service = service;
    this.secret = settings.partnerApiKey();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (service.findByName(NAME).isEmpty()) {
      service.register(NAME, secret, Set.of(ApiOperations.ALL), "demo");
    }
  }
}
