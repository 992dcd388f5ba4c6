package org.gridaid.donations;

import java.util.HashSet;
import java.util.Set;
import org.gridaid.shared.engine.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * The donor's details the desk types into a start form, the donor's name and phone in the forms'
 * summaries and what staff write about a gift or pledge: kept out of the engine's history.
 */
@Component
class DonationPersonalVariables implements PersonalVariables {

  @Override
  public Set<String> names() {
    Set<String> names = new HashSet<>(DonationIntakeProcess.StartForm.PERSONAL);
    names.addAll(GoodsPledgeProcess.StartForm.PERSONAL);
    names.addAll(Set.of(DonationIntakeProcess.GIFT_SUMMARY.getName(), DonationIntakeProcess.FINANCE_NOTE.getName(),
        GoodsPledgeProcess.PLEDGE_SUMMARY.getName(), GoodsPledgeProcess.REFUSED_REASON.getName(),
        GoodsPledgeProcess.CANCEL_REASON.getName()));
    return names;
  }
}
