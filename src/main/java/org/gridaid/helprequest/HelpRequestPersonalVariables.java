package org.gridaid.helprequest;

import static org.gridaid.helprequest.HelpRequestProcess.CASE_SUMMARY;
import static org.gridaid.helprequest.HelpRequestProcess.StartVariables.*;

import java.util.Set;
import org.gridaid.shared.engine.PersonalVariables;
import org.springframework.stereotype.Component;

/** What the start form asks about the caller, and the case summary the task forms show. */
@Component
class HelpRequestPersonalVariables implements PersonalVariables {

  @Override
  public Set<String> names() {
    return Set.of(CALLER_NAME, CALLER_PHONE, ADDRESS, DESCRIPTION, AFFECTED_PERSON, VULNERABILITIES, CASE_SUMMARY);
  }
}
