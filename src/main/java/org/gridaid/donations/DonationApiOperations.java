package org.gridaid.donations;

import java.util.Set;
import org.gridaid.apikey.ApiOperations;
import org.springframework.stereotype.Component;

/** Outside systems (the online donation platform, a mini-program) may read appeals and their progress. */
@Component
class DonationApiOperations implements ApiOperations {

  static final String READ = "donations:read";

  @Override
  public Set<String> names() {
    return Set.of(READ);
  }
}
