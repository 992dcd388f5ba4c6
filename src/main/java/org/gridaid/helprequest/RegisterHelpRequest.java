package org.gridaid.helprequest;

import org.gridaid.register.Vulnerability;
import static org.gridaid.helprequest.HelpRequestProcess.*;
import static org.gridaid.helprequest.HelpRequestProcess.StartVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.gridaid.organisation.AreaDirectory;
import org.springframework.stereotype.Component;

/**
 * First step of every case, whether an operator recorded the call in Tasklist or an outside
 * system posted it: check it, store it, and keep the caller's details out of the engine.
 */
@Component("registerHelpRequest")
class RegisterHelpRequest implements JavaDelegate {

  /** Set (transient) by the REST intake: who sent the request. */
  static final String SUBMITTED_BY = "submittedBy";
  private static final List<String> PERSONAL = List.of(CALLER_NAME, CALLER_PHONE, ADDRESS, DESCRIPTION,
      AFFECTED_PERSON, VULNERABILITIES, MINIMAL_UNIT_CODE, CHANNEL);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HelpRequestService service;
  private final AreaDirectory areas;

  RegisterHelpRequest(HelpRequestService service, AreaDirectory areas) {
    this.service = service;
    this.areas = areas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IntakeForm form = new IntakeForm(text(execution, CALLER_NAME), text(execution, CALLER_PHONE),
        text(execution, ADDRESS), text(execution, MINIMAL_UNIT_CODE), text(execution, GRID_CODE),
        text(execution, CATEGORY), text(execution, DESCRIPTION), text(execution, AFFECTED_PERSON),
        flags(execution.getVariable(VULNERABILITIES)), text(execution, CHANNEL));
    var intake = form.check(areas);
    String submittedBy = text(execution, SUBMITTED_BY);
    if (submittedBy == null) {
      submittedBy = CaseVariables.actor(text(execution, INITIATOR));
    }
    var registration = service.register(intake, submittedBy);
    execution.setProcessBusinessKey(String.valueOf(registration.id()));
    if (registration.linkedToId() != null) {
      showRepeatedCall(execution, registration.linkedToId());
    }
    execution.removeVariables(PERSONAL);
    execution.setVariable(CATEGORY, intake.category().name());
    // read only by the next gateway and the triage table, in this transaction: never stored
    execution.setVariable(LINKED_TO_OPEN_CASE, Variables.booleanValue(registration.linkedToId() != null, true));
    boolean someoneAlone = Vulnerability.someoneAlone(intake.vulnerabilities());
    execution.setVariable(PERSON_ALONE, Variables.booleanValue(someoneAlone, true));
    execution.setVariable(VULNERABLE, Variables.booleanValue(!intake.vulnerabilities().isEmpty(), true));
  }

  /** The staff working the open case see at once that the resident called again. */
  private void showRepeatedCall(DelegateExecution execution, long openCaseId) {
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    var open = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(openCaseId))
        .processDefinitionKey(HelpRequestProcess.KEY).singleResult();
    if (open != null) {
      runtime.setVariable(open.getId(), CASE_SUMMARY, CaseVariables.summary(service.get(openCaseId)));
    }
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** A list from the API, a JSON array from the Tasklist checklist, or comma-separated text. */
  static List<String> flags(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).toList();
    }
    String text = value.toString().strip();
    if (text.startsWith("[")) {
      try {
        return JSON.readValue(text, new TypeReference<List<String>>() {});
      } catch (Exception e) {
        return List.of(text);
      }
    }
    return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
  }
}
