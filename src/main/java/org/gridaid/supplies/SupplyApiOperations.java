package org.gridaid.supplies;

import java.util.Set;
import org.gridaid.apikey.ApiOperations;
import org.springframework.stereotype.Component;

/** Outside systems may read the stock, the sites and the items (a mini-program showing where insulin is). */
@Component
class SupplyApiOperations implements ApiOperations {

  static final String READ = "supplies:read";

  @Override
  public Set<String> names() {
    return Set.of(READ);
  }
}
