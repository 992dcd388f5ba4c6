package org.gridaid.shared.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.gridaid.shared.web.Problems;
import org.gridaid.shared.web.Problems.FieldError;
import org.gridaid.shared.web.ReplayableRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What Camunda's authorizations cannot say about its REST API, enforced in front of it (at
 * /engine-rest and behind the webapps' session alike):
 * <ul>
 *   <li>a task completion sets only the fields of that task's form, and a process starts only at
 *   its start event with only the fields of its start form: routing and escalation values are
 *   set by the application, never by whoever holds a task;</li>
 *   <li>a task ends with a BPMN error or escalation only where its process catches it;</li>
 *   <li>nobody takes a task in someone else's name;</li>
 *   <li>deployments come from the application's own jar, except in the demo profile, where only
 *   administrators deploy;</li>
 *   <li>staff write only through the operations Tasklist and Cockpit use (claim, complete,
 *   start, comment, their filters, their own account) plus queries; everything else that writes
 *   (variables, modifications, messages, jobs, identity, authorizations) is for administrators.</li>
 * </ul>
 * Reads are left to Camunda's authorizations.
 */
public final class EngineApiGuard extends OncePerRequestFilter {

  /** Variable types a form or an API caller may send: values, never serialized objects. */
  private static final Set<String> VALUE_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
      "date", "null", "json");
  /** Start options that would begin a process somewhere else than its start event, or as another case. */
  private static final List<String> START_OVERRIDES = List.of("startInstructions", "businessKey", "caseInstanceId",
      "skipCustomListeners", "skipIoMappings");
  /** Writes of staff that are queries in a POST body (Tasklist's filters, Cockpit's searches). */
  private static final List<String> QUERIES = List.of("filter/*/list", "filter/*/count", "filter/*/singleResult",
      "task", "task/count", "process-instance", "process-instance/count", "execution", "execution/count",
      "variable-instance", "variable-instance/count", "job", "job/count", "external-task", "external-task/count",
      "history/*", "history/*/count");

  private final ProcessEngine engine;
  private final FormFields forms;
  private final ObjectMapper json;
  private final String webappPath;
  private final boolean deploymentsAllowed;

  public EngineApiGuard(ProcessEngine engine, ObjectMapper json, String webappPath, boolean deploymentsAllowed) {
    this.engine = engine;
    this.forms = new FormFields(engine.getFormService(), json);
    this.json = json;
    this.webappPath = webappPath;
    this.deploymentsAllowed = deploymentsAllowed;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<EngineApiCall> call = EngineApiCall.of(request, webappPath).filter(c -> !c.reads());
    Optional<EngineApiCaller> caller = call.flatMap(c -> EngineApiCaller.of(engine, request, c));
    if (call.isEmpty() || caller.isEmpty()) {
      // reads are Camunda's to authorize; an anonymous call is refused further on
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest checked = request;
    EngineApiCall toCheck = call.get();
    // JSON bodies are read to be checked: the engine API's are small (deployments are multipart)
    if (ReplayableRequest.isJson(request)) {
      var replayable = ReplayableRequest.readWholeBody(request);
      toCheck = toCheck.withBody(replayable.json(json));
      checked = replayable;
    }
    EngineApiCall finalCall = toCheck;
    Optional<ProblemDetail> refusal = asSystem(() -> check(finalCall, caller.get()));
    if (refusal.isPresent()) {
      Problems.write(json, request, response, refusal.get());
    } else if (submitsForm(finalCall)) {
      submit(checked, response, chain);
    } else {
      chain.doFilter(checked, response);
    }
  }

  /**
   * A form submitted to a task or a start: a form the application's listeners refused is the
   * caller's 400 with the fields named, not the engine's 500.
   */
  private void submit(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var answer = new ContentCachingResponseWrapper(response);
    FormRefused.takeRaised();
    try {
      chain.doFilter(request, answer);
    } finally {
      Optional<FormRefused> refused = FormRefused.takeRaised();
      if (refused.isPresent() && answer.getStatus() >= 500) {
        answer.resetBuffer();
        ProblemDetail problem = Problems.validation(refused.get().errors());
        problem.setProperty("message", refused.get().getMessage());
        Problems.write(json, request, answer, problem);
      }
      answer.copyBodyToResponse();
    }
  }

  /** Forms submitted to a task or a start, whose listeners may refuse them. */
  private static boolean submitsForm(EngineApiCall call) {
    return isStart(call) || call.is("POST", "task/*/complete") || call.is("POST", "task/*/submit-form");
  }

  private Optional<ProblemDetail> check(EngineApiCall call, EngineApiCaller caller) {
    Optional<String> javaObject = javaObjectIn(call.body(), "");
    if (javaObject.isPresent()) {
      return Optional.of(invalid(List.of(new FieldError(javaObject.get(), "must be a plain value, not a Java object"))));
    }
    if (call.segments().size() > 2 && call.segments().get(call.segments().size() - 1).equals("data")
        && call.segments().stream().anyMatch(s -> s.equals("variables") || s.equals("localVariables"))) {
      return forbidden("Variables are values; files and serialized objects are not stored.", "不能上传文件或对象变量");
    }
    if (call.is("POST", "deployment/create") || call.is("POST", "deployment/*/redeploy")
        || call.is("DELETE", "deployment/*")) {
      return deploymentsAllowed && caller.admin() ? ok()
          : forbidden("Processes and forms are deployed from the application itself.", "流程与表单随系统发布, 不能在线部署");
    }
    if (isStart(call)) {
      return checkStart(call);
    }
    if (call.is("POST", "task/*/complete") || call.is("POST", "task/*/submit-form")) {
      return checkFormVariables(call.body().path("variables"), forms.ofTask(call.segment(1)));
    }
    if (call.is("POST", "task/*/bpmnError") || call.is("POST", "task/*/bpmnEscalation")) {
      return checkCaught(call.segment(1), call.segment(2).equals("bpmnError"));
    }
    if (caller.admin()) {
      return ok();
    }
    if (call.is("POST", "task/*/claim") || call.is("POST", "task/*/assignee")) {
      JsonNode userId = call.body().path("userId");
      boolean forSelf = userId.asText("").equals(caller.userId())
          || call.segment(2).equals("assignee") && (userId.isNull() || userId.isMissingNode());
      return forSelf ? ok()
          : forbidden("A task is taken by the person signed in, never in someone else's name.", "只能由本人认领任务");
    }
    if (call.is("PUT", "user/*/credentials") || call.is("PUT", "user/*/profile")) {
      return call.segment(1).equals(caller.userId()) ? ok() : forbidden("Only your own account.", "只能修改本人账号");
    }
    boolean query = QUERIES.stream().anyMatch(pattern -> call.is("POST", pattern)) && !call.is("POST", "history/cleanup");
    boolean staffWrite = query
        || call.is("POST", "task/*/unclaim") || call.is("POST", "task/*/comment/create")
        || call.is("POST", "filter/create") || call.is("PUT", "filter/*") || call.is("DELETE", "filter/*");
    return staffWrite ? ok()
        : forbidden("This engine operation is for administrators: " + call.method() + " " + call.path(),
            "无权执行此操作");
  }

  /**
   * The first typed value in a body that the engine would keep as a serialized Java object: one
   * of an arbitrary type breaks every later read of the case's variables.
   */
  private static Optional<String> javaObjectIn(JsonNode node, String path) {
    if (node.isObject() && node.path("type").asText("").equalsIgnoreCase("object")) {
      return Optional.of(path.isEmpty() ? "value" : path);
    }
    List<Optional<String>> inside = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(element -> inside.add(javaObjectIn(element, path)));
    } else {
      node.fields().forEachRemaining(field -> inside.add(javaObjectIn(field.getValue(), field.getKey())));
    }
    return inside.stream().flatMap(Optional::stream).findFirst();
  }

  private static boolean isStart(EngineApiCall call) {
    for (String start : List.of("start", "submit-form")) {
      if (call.is("POST", "process-definition/*/" + start) || call.is("POST", "process-definition/key/*/" + start)
          || call.is("POST", "process-definition/key/*/tenant-id/*/" + start)) {
        return true;
      }
    }
    return false;
  }

  private Optional<ProblemDetail> checkStart(EngineApiCall call) {
    List<FieldError> errors = new ArrayList<>();
    for (String override : START_OVERRIDES) {
      JsonNode value = call.body().path(override);
      boolean given = !value.isMissingNode() && !value.isNull() && !(value.isBoolean() && !value.asBoolean())
          && !(value.isTextual() && value.asText().isEmpty());
      if (given) {
        errors.add(new FieldError(override, "is set by the process itself"));
      }
    }
    if (!errors.isEmpty()) {
      return Optional.of(invalid(errors));
    }
    return definition(call).map(id -> checkFormVariables(call.body().path("variables"), forms.ofStart(id)))
        .orElseGet(EngineApiGuard::ok);
  }

  /** The definition a start addresses; empty when there is none (the engine answers 404). */
  private Optional<String> definition(EngineApiCall call) {
    if (!call.segment(1).equals("key")) {
      return Optional.of(call.segment(1));
    }
    ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(call.segment(2)).latestVersion();
    query = call.segments().size() > 5 ? query.tenantIdIn(call.segment(4)) : query.withoutTenantId();
    return Optional.ofNullable(query.singleResult()).map(ProcessDefinition::getId);
  }

  private Optional<ProblemDetail> checkFormVariables(JsonNode variables, Set<String> fields) {
    List<FieldError> errors = new ArrayList<>();
    variables.fields().forEachRemaining(variable -> {
      String name = variable.getKey();
      String type = variable.getValue().path("type").asText("");
      if (!fields.contains(name)) {
        errors.add(new FieldError(name, "is not a field of this form"));
      } else if (!type.isEmpty() && !VALUE_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
        errors.add(new FieldError(name, "must be a plain value, not " + type));
      }
    });
    return errors.isEmpty() ? ok() : Optional.of(invalid(errors));
  }

  /** A BPMN error or escalation may end a task only where a boundary event of its activity catches it. */
  private Optional<ProblemDetail> checkCaught(String taskId, boolean error) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return ok();
    }
    Class<? extends EventDefinition> caught = error ? ErrorEventDefinition.class : EscalationEventDefinition.class;
    boolean catches = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementsByType(BoundaryEvent.class).stream()
        .filter(boundary -> boundary.getAttachedTo().getId().equals(task.getTaskDefinitionKey()))
        .flatMap(boundary -> boundary.getEventDefinitions().stream())
        .anyMatch(caught::isInstance);
    return catches ? ok()
        : forbidden("Nothing in the process catches this, so the task would end without an outcome.",
            "此任务不能以异常结束, 请填写表单完成");
  }

  /** Look-ups for the checks see every task and form, whatever the caller may read. */
  private <T> T asSystem(Supplier<T> lookup) {
    var identity = engine.getIdentityService();
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }

  private static Optional<ProblemDetail> ok() {
    return Optional.empty();
  }

  private static Optional<ProblemDetail> forbidden(String detail, String message) {
    ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", detail);
    // Tasklist and Cockpit show an engine error's message to the person who clicked
    problem.setProperty("message", message);
    return Optional.of(problem);
  }

  private static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem = Problems.validation(errors);
    problem.setProperty("message", "表单有误: " + String.join("; ",
        errors.stream().map(e -> e.field() + " " + e.message()).toList()));
    return problem;
  }
}
