package org.gridaid.donations;

import java.util.Set;
import org.gridaid.apikey.ApiOperations;
import org.springframework.stereotype.Component;

/**
 * Outside systems: a mini-program reads appeals and their progress; the online donation platform
 * sends the gifts it took, confirms them when the money arrived, and reads back what it sent; a
 * donors' mini-program records pledges of goods and reads back the ones it sent.
 */
@Component
class DonationApiOperations implements ApiOperations {

  static final String READ = "donations:read";
  static final String PLATFORM = "donations:platform";
  static final String PLEDGE = "donations:pledge";

  @Override
  public Set<String> names() {
    return Set.of(READ, PLATFORM, PLEDGE);
  }
}
