package org.gridaid.helprequest;

import static org.gridaid.helprequest.HelpRequestProcess.StartVariables.*;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.shared.EnumCodes;
import org.gridaid.shared.web.ConflictException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake over REST: checks the request, honours the Idempotency-Key, and starts the process,
 * which registers, triages and routes the case in the same transaction. The caller's
 * details travel as transient variables: they reach the case table, not the engine's.
 */
@Service
class HelpRequestIntake {

  private final RuntimeService runtime;
  private final HelpRequestService service;
  private final AreaDirectory areas;
  private final TransactionTemplate transaction;

  HelpRequestIntake(RuntimeService runtime, HelpRequestService service, AreaDirectory areas,
      TransactionTemplate transaction) {
    this.runtime = runtime;
    this.service = service;
    this.areas = areas;
    this.transaction = transaction;
  }

  /** The stored case, and whether this answer repeats an earlier one for the same key. */
  record Submitted(HelpRequest request, boolean replayed) {}

  Submitted submit(IntakeForm form, String submittedBy, String idempotencyKey, String requestHash) {
    Optional<Submitted> replay = replay(submittedBy, idempotencyKey, requestHash);
    if (replay.isPresent()) {
      return replay.get();
    }
    Intake intake = form.check(areas);
    try {
      long id = Objects.requireNonNull(transaction.execute(status -> {
        long created = start(intake, submittedBy);
        if (idempotencyKey != null) {
          service.rememberIdempotencyKey(created, idempotencyKey, requestHash);
        }
        return created;
      }));
      return new Submitted(service.get(id), false);
    } catch (DataIntegrityViolationException e) {
      // the same key raced in on another thread or node: answer as that request was answered
      return replay(submittedBy, idempotencyKey, requestHash).orElseThrow(() -> e);
    }
  }

  private Optional<Submitted> replay(String submittedBy, String key, String requestHash) {
    if (key == null) {
      return Optional.empty();
    }
    return service.findByIdempotencyKey(submittedBy, key).map(earlier -> {
      if (!earlier.requestHash().equals(requestHash)) {
        throw new ConflictException("Idempotency-Key '" + key + "' was already used for a different request");
      }
      return new Submitted(earlier, true);
    });
  }

  private long start(Intake intake, String submittedBy) {
    VariableMap variables = Variables.createVariables()
        .putValueTyped(CALLER_NAME, Variables.stringValue(intake.callerName(), true))
        .putValueTyped(CALLER_PHONE, Variables.stringValue(intake.callerPhone(), true))
        .putValueTyped(ADDRESS, Variables.stringValue(intake.address(), true))
        .putValueTyped(MINIMAL_UNIT_CODE, Variables.stringValue(intake.minimalUnitCode(), true))
        .putValueTyped(DESCRIPTION, Variables.stringValue(intake.description(), true))
        .putValueTyped(AFFECTED_PERSON, Variables.stringValue(intake.affectedPerson(), true))
        .putValueTyped(VULNERABILITIES, Variables.stringValue(EnumCodes.join(intake.vulnerabilities()), true))
        .putValueTyped(CHANNEL, Variables.stringValue(intake.channel().name(), true))
        .putValueTyped(RegisterHelpRequest.SUBMITTED_BY, Variables.stringValue(submittedBy, true))
        .putValue(CATEGORY, intake.category().name())
        .putValue(GRID_CODE, intake.gridCode());
    var instance = runtime.startProcessInstanceByKey(HelpRequestProcess.KEY, variables);
    return CaseVariables.caseId(instance.getBusinessKey());
  }
}
