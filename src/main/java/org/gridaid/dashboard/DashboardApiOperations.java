package org.gridaid.dashboard;

import java.util.Set;
import org.gridaid.apikey.ApiOperations;
import org.springframework.stereotype.Component;

/** Outside systems (a city's emergency platform) may read the district's figures. */
@Component
class DashboardApiOperations implements ApiOperations {

  static final String READ = "dashboard:read";

  @Override
  public Set<String> names() {
    return Set.of(READ);
  }
}
