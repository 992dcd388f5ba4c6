package org.gridaid.donations;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.web.ForbiddenException;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Pledges of goods: the donation desk records them, and so does an outside system with
 * {@code donations:pledge} (a mini-program where donors pledge). A pledge sent again with the same
 * {@code Idempotency-Key} (per caller) is answered as the first time, recorded once.
 */
@RestController
@Validated
class PledgeController {

  static final String PLEDGE = "hasRole('STAFF') or hasAuthority('api:" + DonationApiOperations.PLEDGE + "')";

  private final PledgeService service;
  private final Requesters requesters;

  PledgeController(PledgeService service, Requesters requesters) {
    this.service = service;
    this.requesters = requesters;
  }

  @PostMapping("/api/v1/appeals/{id}/pledges")
  @PreAuthorize(PLEDGE)
  ResponseEntity<PledgeView> pledge(@PathVariable @Min(1) long id, @RequestBody NewPledge body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) {
    Requester who = requesters.of(caller);
    if (!DonationAccess.recordsPledges(who)) {
      throw new ForbiddenException("Only the donation desk and donors' systems record pledges");
    }
    PledgeService.Recorded recorded = service.pledge(id, body, who.id(), trimmed(idempotencyKey));
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Idempotent-Replayed", String.valueOf(recorded.replayed())).body(recorded.pledge());
  }

  @GetMapping("/api/v1/pledges/{id}")
  @PreAuthorize(PLEDGE)
  PledgeView pledge(@PathVariable @Min(1) long id, Authentication caller) {
    Requester who = requesters.of(caller);
    Pledge pledge = service.load(id);
    if (!DonationAccess.seesPledge(who, pledge)) {
      throw new NotFoundException("Pledge", String.valueOf(id));
    }
    return PledgeView.of(pledge);
  }
}
