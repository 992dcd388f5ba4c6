package org.gridaid.donations;

import jakarta.validation.constraints.Min;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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
    GiftService.Recorded recorded = service.receive(body, requesters.of(caller).id());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Idempotent-Replayed", String.valueOf(recorded.replayed())).body(recorded.gift());
  }

  /** Cash or a bank transfer the donation desk took; finance confirms that it arrived (a Tasklist task). */
  @PostMapping("/desk")
  @PreAuthorize("hasRole('STAFF')")
  @ResponseStatus(HttpStatus.CREATED)
  GiftView recordAtDesk(@RequestBody DeskGift body, Authentication caller) {
    Requester who = requesters.of(caller);
    if (!DonationAccess.recordsGifts(who)) {
      throw new ForbiddenException("Only the donation desk records gifts of cash and bank transfers");
    }
    return service.recordAtDesk(body, who.id());
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

  /** Money of a confirmed gift given back (finance): a new entry. */
  @PostMapping("/{id}/refunds")
  @PreAuthorize("hasRole('STAFF')")
  @ResponseStatus(HttpStatus.CREATED)
  GiftView refund(@PathVariable @Min(1) long id, @RequestBody Correction body, Authentication caller) {
    Requester who = correcting(requesters.of(caller), id);
    return service.refund(id, body, who.id());
  }

  /** The amount of a confirmed gift put right (finance), signed: a new entry. */
  @PostMapping("/{id}/corrections")
  @PreAuthorize("hasRole('STAFF')")
  @ResponseStatus(HttpStatus.CREATED)
  GiftView correct(@PathVariable @Min(1) long id, @RequestBody Correction body, Authentication caller) {
    Requester who = correcting(requesters.of(caller), id);
    return service.correct(id, body, who.id());
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
