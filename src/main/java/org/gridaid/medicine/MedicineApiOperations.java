package org.gridaid.medicine;

import java.util.Set;
import org.gridaid.apikey.ApiOperations;
import org.springframework.stereotype.Component;

/** A clinic asks for deliveries, reads and cancels the ones it asked for. */
@Component
class MedicineApiOperations implements ApiOperations {

  static final String CREATE = "medicine-requests:create";
  static final String READ = "medicine-requests:read";
  static final String CANCEL = "medicine-requests:cancel";

  @Override
  public Set<String> names() {
    return Set.of(CREATE, READ, CANCEL);
  }
}
