package org.gridaid.helprequest;

import java.util.HashSet;
import java.util.Set;
import org.gridaid.shared.engine.PersonalVariables;
import org.springframework.stereotype.Component;

/** What the start form asks about the caller, and the case summary the task forms show. */
@Component
class HelpRequestPersonalVariables implements PersonalVariables {

  @Override
  public Set<String> names() {
    Set<String> names = new HashSet<>(HelpRequestProcess.StartForm.PERSONAL);
    names.add(HelpRequestProcess.CASE_SUMMARY.getName());
    return names;
  }
}
