package org.gridaid.helprequest;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.RequestFingerprints;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.shared.validation.PlainText;
import org.gridaid.shared.web.IntakeAdmission;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Help requests for outside systems (API key) and staff (HTTP Basic). Thin: who may see a case
 * and act on it is {@link CaseAction}'s answer, everything else {@link HelpRequestService}'s.
 */
@RestController
@RequestMapping("/api/v1/help-requests")
@Validated
class HelpRequestController {

  private final HelpRequestService service;
  private final IntakeAdmission admission;
  private final Requesters requesters;
  private final TrackingRateLimit rateLimit;
  private final RequestFingerprints fingerprints;

  HelpRequestController(HelpRequestService service, Requesters requesters, TrackingRateLimit rateLimit,
      IntakeAdmission admission, RequestFingerprints fingerprints) {
    this.fingerprints = fingerprints;
    this.service = service;
    this.admission = admission;
    this.requesters = requesters;
    this.rateLimit = rateLimit;
  }

  record CategoryView(String code, String label) {}

  @GetMapping("/categories")
  List<CategoryView> categories() {
    return Arrays.stream(Category.values()).map(c -> new CategoryView(c.name(), c.label())).toList();
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
      Authentication caller) {
    String key = trimmed(idempotencyKey);
    String hash = fingerprints.ofJson(key, body);
    var submitted = admission.admit(() -> service.submit(body, caller.getName(), key, hash));
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/api/v1/help-requests/" + submitted.request().id())
        .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
        .body(Received.of(submitted.request()));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:help-requests:read')")
  HelpRequestView get(@PathVariable long id, Authentication authentication) {
    Requester requester = requesters.of(authentication);
    return view(CaseAction.SEE.check(requester, service.get(id)), requester);
  }

  /** Public: a resident reads their case with the tracking code from the text message. */
  @GetMapping("/track/{trackingCode}")
  HelpRequestView track(@PathVariable @Size(max = 20) String trackingCode, HttpServletRequest http) {
    rateLimit.check(http.getRemoteAddr());
    HelpRequest request = service.findByTrackingCode(trackingCode.strip().toUpperCase())
        .orElseThrow(() -> new NotFoundException("Help request with tracking code", trackingCode));
    return HelpRequestView.of(request, service.timeline(request.id()), false, service.now());
  }

  record Cancellation(@NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {}

  /** Ends an open case and every task of it: the hotline, the case's own grid, the district command. */
  @PostMapping("/{id}/cancel")
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:help-requests:cancel')")
  HelpRequestView cancel(@PathVariable long id, @Valid @RequestBody Cancellation body, Authentication authentication) {
    Requester requester = requesters.of(authentication);
    CaseAction.CANCEL.check(requester, service.get(id));
    return view(service.cancel(id, body.reason().strip(), requester.id()), requester);
  }

  record Hold(@NotBlank @Size(max = 500) @PlainText(multiline = true) String reason,
      @NotBlank @Size(max = 40) String resumeAt) {}

  /**
   * A grid worker's phone app: the resident asked to wait; the deadlines stop until then. Those
   * who handle the case (its grid, the district command) take its task over to do so.
   */
  @PostMapping("/{id}/hold")
  @PreAuthorize("hasRole('STAFF')")
  HelpRequestView hold(@PathVariable long id, @Valid @RequestBody Hold body, Authentication authentication) {
    Requester requester = requesters.of(authentication);
    CaseAction.HOLD_OR_RESUME.check(requester, service.get(id));
    service.hold(id, body.reason(), body.resumeAt(), requester.id());
    return view(service.get(id), requester);
  }

  /** The resident is ready before the agreed time. */
  @PostMapping("/{id}/resume")
  @PreAuthorize("hasRole('STAFF')")
  HelpRequestView resume(@PathVariable long id, Authentication authentication) {
    Requester requester = requesters.of(authentication);
    CaseAction.HOLD_OR_RESUME.check(requester, service.get(id));
    service.resumeNow(id);
    return view(service.get(id), requester);
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
    Requester requester = requesters.of(authentication);
    Instant now = service.now();
    return service.search(requester.coverage(), trimmed(gridCode), status, overdue, page, size)
        .map(r -> HelpRequestView.summary(r, CaseAction.seesPersonalData(requester, r), now));
  }

  /** Staff see a note that the caller has another open case only if they may see that case too. */
  private HelpRequestView view(HelpRequest request, Requester requester) {
    return service.view(request, requester);
  }
}
