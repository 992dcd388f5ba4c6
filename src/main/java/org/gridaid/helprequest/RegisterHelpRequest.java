package org.gridaid.helprequest;

import static org.gridaid.helprequest.HelpRequestProcess.StartForm.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.register.Vulnerability;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * First step of every case, whether an operator recorded the call in Tasklist or an outside
 * system posted it: check it, store it, and keep the caller's details out of the engine.
 */
@Component("registerHelpRequest")
class RegisterHelpRequest implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HelpRequestService service;

  RegisterHelpRequest(HelpRequestService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var registration = service.takeHandover()
        .map(checked -> service.registerChecked(checked.call(), checked.submittedBy()))
        .orElseGet(() -> registerStartForm(execution));
    execution.setProcessBusinessKey(String.valueOf(registration.id()));
    HelpRequest request = service.get(registration.id());
    if (registration.linkedToId() != null) {
      showRepeatedCall(execution, registration.linkedToId());
    }
    execution.removeVariables(START_ONLY);
    HelpRequestProcess.CATEGORY.on(execution).set(request.category().name());
    // read only by the next gateway and the triage table, in this transaction: never stored
    HelpRequestProcess.LINKED_TO_OPEN_CASE.on(execution).set(registration.linkedToId() != null);
    HelpRequestProcess.PERSON_ALONE.on(execution).set(Vulnerability.someoneAlone(request.vulnerabilities()));
    HelpRequestProcess.VULNERABLE.on(execution).set(!request.vulnerabilities().isEmpty());
  }

  /**
   * What an operator recorded in Tasklist's start form (or an /engine-rest caller sent). A form
   * the case refuses names each field at fault by its Chinese label, as the task forms do.
   */
  private HelpRequestService.Registration registerStartForm(DelegateExecution execution) {
    try {
      var call = new NewHelpRequest(FormVariables.read(CALLER_NAME, execution),
          FormVariables.read(CALLER_PHONE, execution), FormVariables.read(ADDRESS, execution),
          FormVariables.read(MINIMAL_UNIT_CODE, execution), FormVariables.read(HelpRequestProcess.GRID_CODE, execution),
          FormVariables.read(CATEGORY, execution), FormVariables.read(DESCRIPTION, execution),
          FormVariables.read(AFFECTED_PERSON, execution), flags(FormVariables.read(VULNERABILITIES, execution)),
          FormVariables.read(CHANNEL, execution));
      return service.register(call, EngineUsers.current(execution, FormVariables.read(INITIATOR, execution)));
    } catch (InvalidInputException e) {
      throw new FormRefused(e, LABELS);
    }
  }

  /** The staff working the open case see at once that the resident called again. */
  private void showRepeatedCall(DelegateExecution execution, long openCaseId) {
    var tasks = execution.getProcessEngineServices().getTaskService();
    String summary = CaseSummary.of(service.get(openCaseId));
    tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(openCaseId))
        .processDefinitionKey(HelpRequestProcess.KEY).list()
        .forEach(task -> HelpRequestProcess.CASE_SUMMARY.on(tasks, task.getId()).setLocal(summary));
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
