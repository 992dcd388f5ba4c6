package org.gridaid.helprequest;

import java.util.Set;
import org.gridaid.apikey.ApiOperations;
import org.springframework.stereotype.Component;

/** Outside systems may file help requests, read and cancel the ones they filed. */
@Component
class HelpRequestApiOperations implements ApiOperations {

  static final String CREATE = "help-requests:create";
  static final String READ = "help-requests:read";
  static final String CANCEL = "help-requests:cancel";

  @Override
  public Set<String> names() {
    return Set.of(CREATE, READ, CANCEL);
  }
}
