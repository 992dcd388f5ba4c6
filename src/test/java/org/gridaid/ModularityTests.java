package org.gridaid;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** One top-level package per module; modules use each other only through their top-level types. */
class ModularityTests {

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirApi() {
    ApplicationModules.of(GridAidApplication.class).verify();
  }
}
