package org.gridaid.helprequest;

import static org.gridaid.shared.Texts.trimmed;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.gridaid.organisation.StaffService;
import org.gridaid.shared.engine.EngineErrors;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Help requests for outside systems (API key) and staff (HTTP Basic). */
@RestController
@RequestMapping("/api/v1/help-requests")
@Validated
class HelpRequestController {

  private final HelpRequestIntake intake;
  private final HelpRequestService service;
  private final StaffService staff;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final TrackingRateLimit rateLimit;
  private final ObjectMapper json;
  private final TransactionTemplate transaction;

  HelpRequestController(HelpRequestIntake intake, HelpRequestService service, StaffService staff,
      RuntimeService runtime, TaskService tasks, IdentityService identity, TrackingRateLimit rateLimit,
      ObjectMapper json, TransactionTemplate transaction) {
    this.transaction = transaction;
    this.intake = intake;
    this.service = service;
    this.staff = staff;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.rateLimit = rateLimit;
    this.json = json;
  }

  record CategoryView(String code, String label) {}

  @GetMapping("/categories")
  List<CategoryView> categories() {
    return Arrays.stream(Category.values()).map(c -> new CategoryView(c.name(), c.label())).toList();
  }

  record NewHelpRequest(String callerName, String callerPhone, String address, String minimalUnitCode,
      String gridCode, String category, String description, String affectedPerson, List<String> vulnerabilities,
      String channel) {

    IntakeForm form() {
      return new IntakeForm(callerName, callerPhone, address, minimalUnitCode, gridCode, category, description,
          affectedPerson, vulnerabilities, channel);
    }
  }

  record Received(long id, String trackingCode, HelpRequestStatus status, String gridCode, String priority,
      Instant responseDueAt, Instant resolutionDueAt, Long linkedToId) {
    static Received of(HelpRequest r) {
      return new Received(r.id(), r.trackingCode(), r.status(), r.gridCode(), r.priority(), r.responseDueAt(),
          r.resolutionDueAt(), r.linkedToId());
    }
  }

  /** 201 with the case; a retry with the same Idempotency-Key and body gets the same answer. */
  @PostMapping
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:help-requests:create')")
  ResponseEntity<Received> submit(@RequestBody NewHelpRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) throws Exception {
    String key = trimmed(idempotencyKey);
    String hash = key == null ? null : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8)));
    var submitted = intake.submit(body.form(), caller.getName(), key, hash);
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/api/v1/help-requests/" + submitted.request().id())
        .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
        .body(Received.of(submitted.request()));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:help-requests:read')")
  HelpRequestView get(@PathVariable long id, Authentication authentication) {
    Caller caller = Caller.of(authentication, staff);
    HelpRequest request = visible(id, caller);
    return HelpRequestView.of(request, service.timeline(id), caller.seesPersonalData(request),
        HelpRequestService.now());
  }

  /** Public: a resident reads their case with the tracking code from the text message. */
  @GetMapping("/track/{trackingCode}")
  HelpRequestView track(@PathVariable @Size(max = 20) String trackingCode, HttpServletRequest http) {
    rateLimit.check(http.getRemoteAddr());
    HelpRequest request = service.findByTrackingCode(trackingCode.strip().toUpperCase())
        .orElseThrow(() -> new NotFoundException("Help request with tracking code", trackingCode));
    return HelpRequestView.of(request, service.timeline(request.id()), false, HelpRequestService.now());
  }

  record Cancellation(@NotBlank @Size(max = 500) String reason) {}

  /** Ends an open case and every task of it. */
  @PostMapping("/{id}/cancel")
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:help-requests:cancel')")
  HelpRequestView cancel(@PathVariable long id, @Valid @RequestBody Cancellation body, Authentication authentication) {
    Caller caller = Caller.of(authentication, staff);
    visible(id, caller);
    HelpRequest cancelled = service.cancel(id, body.reason().strip(), caller.id());
    runtime.createMessageCorrelation(HelpRequestProcess.MESSAGE_CANCELLED)
        .processInstanceBusinessKey(String.valueOf(id)).correlateAll();
    return HelpRequestView.of(cancelled, service.timeline(id), caller.seesPersonalData(cancelled),
        HelpRequestService.now());
  }

  record Hold(@NotBlank @Size(max = 500) String reason, @NotBlank String resumeAt) {}

  /** A grid worker's phone app: the resident asked to wait; the deadlines stop until then. */
  @PostMapping("/{id}/hold")
  @PreAuthorize("hasRole('STAFF')")
  HelpRequestView hold(@PathVariable long id, @Valid @RequestBody Hold body, Authentication authentication) {
    Caller caller = Caller.of(authentication, staff);
    visible(id, caller);
    var task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(HelpRequestProcess.TASK_HANDLE_REQUEST).singleResult();
    if (task == null) {
      throw new ConflictException("Help request " + id + " is not waiting for the grid");
    }
    asStaff(authentication, () -> transaction.executeWithoutResult(status -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), caller.id());
      }
      tasks.complete(task.getId(), Map.of(
          HelpRequestProcess.Forms.OUTCOME, Outcome.ON_HOLD.name(),
          HelpRequestProcess.Forms.HOLD_REASON, body.reason(),
          HelpRequestProcess.RESUME_AT, body.resumeAt()));
    }));
    return get(id, authentication);
  }

  /** The resident is ready before the agreed time. */
  @PostMapping("/{id}/resume")
  @PreAuthorize("hasRole('STAFF')")
  HelpRequestView resume(@PathVariable long id, Authentication authentication) {
    visible(id, Caller.of(authentication, staff));
    var waiting = runtime.createExecutionQuery().processInstanceBusinessKey(String.valueOf(id))
        .messageEventSubscriptionName(HelpRequestProcess.MESSAGE_RESUMED).count();
    if (waiting == 0) {
      throw new ConflictException("Help request " + id + " is not on hold");
    }
    runtime.createMessageCorrelation(HelpRequestProcess.MESSAGE_RESUMED)
        .processInstanceBusinessKey(String.valueOf(id)).correlate();
    return get(id, authentication);
  }

  /** Supervisors: cases of the areas they cover, newest first. */
  @GetMapping
  @PreAuthorize("hasRole('STAFF')")
  Page<HelpRequestView> search(@RequestParam(required = false) @Size(max = 40) String gridCode,
      @RequestParam(required = false) HelpRequestStatus status,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Authentication authentication) {
    Caller caller = Caller.of(authentication, staff);
    var found = service.search(caller.coverage(), trimmed(gridCode), status,
        overdue, page, size);
    Instant now = HelpRequestService.now();
    return found.map(r -> HelpRequestView.summary(r, caller.seesPersonalData(r), now));
  }

  private HelpRequest visible(long id, Caller caller) {
    HelpRequest request = service.get(id);
    if (!caller.maySee(request)) {
      // not yours: as if it did not exist
      throw new NotFoundException("Help request", String.valueOf(id));
    }
    return request;
  }

  /**
   * Engine calls made on a staff member's behalf run under their Camunda authorizations; a
   * form the task listeners refuse comes back as the 400 it is.
   */
  private void asStaff(Authentication authentication, Runnable action) {
    List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("GROUP_")).map(a -> a.substring("GROUP_".length())).toList();
    identity.setAuthentication(authentication.getName(), groups);
    try {
      action.run();
    } catch (ProcessEngineException e) {
      throw EngineErrors.asInputError(e);
    } finally {
      identity.clearAuthentication();
    }
  }

}
