package org.gridaid.donations;

import java.util.Set;
import org.gridaid.shared.engine.PersonalVariables;
import org.springframework.stereotype.Component;

/** The donor's name in the forms' summary and what finance writes: kept out of the engine's history. */
@Component
class DonationPersonalVariables implements PersonalVariables {

  @Override
  public Set<String> names() {
    return Set.of(DonationIntakeProcess.GIFT_SUMMARY.getName(), DonationIntakeProcess.FINANCE_NOTE.getName());
  }
}
