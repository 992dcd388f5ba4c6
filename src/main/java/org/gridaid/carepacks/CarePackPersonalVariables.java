package org.gridaid.carepacks;

import java.util.Set;
import org.gridaid.shared.engine.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * The household lists and the street office's list of open households carry addresses: never in
 * Camunda's history.
 */
@Component
class CarePackPersonalVariables implements PersonalVariables {

  @Override
  public Set<String> names() {
    return Set.of(CarePackProcess.Forms.HOUSEHOLDS.getName(), CarePackProcess.OPEN_HOUSEHOLDS.getName());
  }
}
