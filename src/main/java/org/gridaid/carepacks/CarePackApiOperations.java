package org.gridaid.carepacks;

import java.util.Set;
import org.gridaid.apikey.ApiOperations;
import org.springframework.stereotype.Component;

/** A district dashboard reads campaigns' reports (never the households' addresses). */
@Component
class CarePackApiOperations implements ApiOperations {

  static final String READ = "care-packs:read";

  @Override
  public Set<String> names() {
    return Set.of(READ);
  }
}
