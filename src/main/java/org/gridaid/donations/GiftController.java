package org.gridaid.donations;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.gridaid.donations.GiftForms.Confirmation;
import org.gridaid.donations.GiftForms.Correction;
import org.gridaid.donations.GiftForms.DeskGift;
import org.gridaid.donations.GiftForms.PlatformGift;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money: the online donation platform's gifts and callbacks (API key {@code donations:platform}),
 * and the entries finance adds (refunds, corrections). Thin: who may see and act is
 * {@link DonationAccess}'s answer, the rest {@link GiftService}'s.
 */
@RestController
@RequestMapping("/api/v1/donations")
@Validated
class GiftController {

  static final String PLATFORM = "hasAuthority('api:" + DonationApiOperations.PLATFORM + "')";

  private final GiftService service;
  private final Requesters requesters;

  GiftController(GiftService service, Requesters requesters) {
    this.service = service;
    this.requesters = requesters;
  }

  /** A gift the platform took; the same {@code transactionId} again is answered as the first time, recorded once. */
  @PostMapping
  @PreAuthorize(PLATFORM)
  ResponseEntity<GiftView> receive(@RequestBody PlatformGift body, Authentication caller) {
    return created(service.receive(body, requesters.of(caller).id()));
  }

  /**
   * Cash or a bank transfer the donation desk took; finance confirms that it arrived (a Tasklist
   * task). Sent again with the same {@code Idempotency-Key} (per caller) and body it is answered
   * as the first time: one entry, one task for finance.
   */
  @PostMapping("/desk")
  @PreAuthorize("hasRole('STAFF')")
  ResponseEntity<GiftView> recordAtDesk(@RequestBody DeskGift body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) {
    Requester who = requesters.of(caller);
    if (!DonationAccess.recordsGifts(who)) {
      throw new ForbiddenException("Only the donation desk records gifts of cash and bank transfers");
    }
    return created(service.recordAtDesk(body, who.id(), trimmed(idempotencyKey)));
  }

  /** The platform's callback: the money of a transaction arrived. Counted once, however often it comes. */
  @PostMapping("/confirmations")
  @PreAuthorize(PLATFORM)
  GiftView confirm(@RequestBody Confirmation body, Authentication caller) {
    Requester who = requesters.of(caller);
    return service.confirm(body, who.id(), gift -> visible(who, gift));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasRole('STAFF') or " + PLATFORM)
  GiftView gift(@PathVariable @Min(1) long id, Authentication caller) {
    return GiftView.of(visible(requesters.of(caller), service.load(id)));
  }

  /**
   * Money of a confirmed gift given back (finance): a new entry, once per {@code Idempotency-Key}
   * (per caller): the same body again is answered as the first time.
   */
  @PostMapping("/{id}/refunds")
  @PreAuthorize("hasRole('STAFF')")
  ResponseEntity<GiftView> refund(@PathVariable @Min(1) long id, @RequestBody Correction body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) {
    Requester who = correcting(requesters.of(caller), id);
    return created(service.refund(id, body, who.id(), trimmed(idempotencyKey)));
  }

  /**
   * The amount of a confirmed gift put right (finance), signed: a new entry, once per
   * {@code Idempotency-Key} (per caller) as a refund.
   */
  @PostMapping("/{id}/corrections")
  @PreAuthorize("hasRole('STAFF')")
  ResponseEntity<GiftView> correct(@PathVariable @Min(1) long id, @RequestBody Correction body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) {
    Requester who = correcting(requesters.of(caller), id);
    return created(service.correct(id, body, who.id(), trimmed(idempotencyKey)));
  }

  /** 201 with the entry, and whether it was recorded before under the request's Idempotency-Key. */
  private static ResponseEntity<GiftView> created(GiftService.Recorded recorded) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Idempotent-Replayed", String.valueOf(recorded.replayed())).body(recorded.gift());
  }

  private Requester correcting(Requester who, long id) {
    visible(who, service.load(id));
    if (!DonationAccess.correctsGifts(who)) {
      throw new ForbiddenException("Only finance refunds and corrects gifts");
    }
    return who;
  }

  /** The gift, or 404 for a requester who may not see it (as if it did not exist). */
  private static Gift visible(Requester who, Gift gift) {
    if (gift != null && !DonationAccess.seesGift(who, gift)) {
      throw new NotFoundException("Gift", String.valueOf(gift.id()));
    }
    return gift;
  }
}
