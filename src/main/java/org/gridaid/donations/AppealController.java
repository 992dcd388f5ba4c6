package org.gridaid.donations;

import jakarta.validation.constraints.Max;
import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.gridaid.organisation.StaffRole;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.jdbc.Page;
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
 * Appeals and their progress. Thin: who may see and act is {@link DonationAccess}'s answer, the
 * rest {@link AppealService}'s.
 */
@RestController
@RequestMapping("/api/v1/appeals")
@Validated
class AppealController {

  static final String READ = "hasRole('STAFF') or hasAuthority('api:" + DonationApiOperations.READ + "')";

  private final AppealService service;
  private final Requesters requesters;

  AppealController(AppealService service, Requesters requesters) {
    this.service = service;
    this.requesters = requesters;
  }

  /**
   * Opens an appeal (the donation desk, a street office for its street). Sent again with the same
   * {@code Idempotency-Key} (per caller) and body it is answered as the first time, opened once.
   */
  @PostMapping
  @PreAuthorize("hasRole('STAFF')")
  ResponseEntity<AppealView> open(@RequestBody NewAppeal body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) {
    Requester who = requesters.of(caller);
    DonationAccess.OPEN_APPEAL.check(who);
    AppealService.Opened opened = service.open(body, who.hasRole(StaffRole.STREET) ? who.areaCode() : null,
        who.id(), trimmed(idempotencyKey));
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Idempotent-Replayed", String.valueOf(opened.replayed())).body(opened.appeal());
  }

  /** The appeals, newest first, with their progress. */
  @GetMapping
  @PreAuthorize(READ)
  Page<AppealView> appeals(@RequestParam(required = false) AppealStatus status,
      @RequestParam(required = false) AppealKind kind, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Authentication caller) {
    DonationAccess.SEE_APPEALS.check(requesters.of(caller));
    return service.search(status, kind, page, size);
  }

  /** One appeal with pledged / received / target as they are now. */
  @GetMapping("/{id}")
  @PreAuthorize(READ)
  AppealView appeal(@PathVariable @Min(1) long id, Authentication caller) {
    DonationAccess.SEE_APPEALS.check(requesters.of(caller));
    return service.get(id);
  }

  /** Takes no more pledges; what was pledged is still delivered and received. */
  @PostMapping("/{id}/close")
  @PreAuthorize("hasRole('STAFF')")
  AppealView close(@PathVariable @Min(1) long id, Authentication caller) {
    Requester who = requesters.of(caller);
    return service.close(id, who.id(), appeal -> DonationAccess.CLOSE_APPEAL.check(who, appeal));
  }
}
