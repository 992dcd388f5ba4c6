package org.gridaid.organisation;

import java.util.Set;
import org.gridaid.apikey.ApiOperations;
import org.springframework.stereotype.Component;

/** Outside systems may read the hierarchy and ask which grid serves an address. */
@Component
class AreaApiOperations implements ApiOperations {

  static final String READ = "areas:read";
  static final String RESOLVE = "areas:resolve";

  @Override
  public Set<String> names() {
    return Set.of(READ, RESOLVE);
  }
}
