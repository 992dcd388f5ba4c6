package org.gridaid.helprequest;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.gridaid.helprequest.HelpRequestProcess.Forms;
import org.gridaid.shared.engine.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * What the start form asks about the caller, the case summary the task forms show, and the
 * free text of the task forms.
 */
@Component
class HelpRequestPersonalVariables implements PersonalVariables {

  @Override
  public Set<String> names() {
    Set<String> names = new HashSet<>(HelpRequestProcess.StartForm.PERSONAL);
    names.add(HelpRequestProcess.CASE_SUMMARY.getName());
    names.add(HelpRequestProcess.HOLD_REQUEST.getName());
    // what staff write in their own words may repeat what the resident said, or their health
    Stream.of(Forms.ACTION_TAKEN, Forms.HOLD_REASON, Forms.SUPERVISION_NOTE, Forms.MEDICAL_NOTE, Forms.CALLBACK_NOTE,
        Forms.APPROVAL_NOTE)
        .map(VariableFactory::getName).forEach(names::add);
    return names;
  }
}
