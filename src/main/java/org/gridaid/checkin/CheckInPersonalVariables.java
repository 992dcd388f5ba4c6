package org.gridaid.checkin;

import java.util.Set;
import org.gridaid.shared.engine.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * The list carries names and health flags, and staff write what residents told them in their
 * notes: kept out of the engine's history.
 */
@Component
class CheckInPersonalVariables implements PersonalVariables {

  @Override
  public Set<String> names() {
    return Set.of(CheckInProcess.PEOPLE, CheckInProcess.SUPERVISION_NOTE.getName(),
        HomeVisitProcess.VISITEE.getName(), HomeVisitProcess.VISIT_NOTE.getName(),
        MissedRoundProcess.NOT_CALLED.getName());
  }
}
