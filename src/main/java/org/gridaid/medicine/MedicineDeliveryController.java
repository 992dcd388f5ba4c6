package org.gridaid.medicine;

import static org.gridaid.organisation.StaffRole.DONATION_DESK;
import static org.gridaid.organisation.StaffRole.FINANCE;
import static org.gridaid.organisation.StaffRole.VOLUNTEER;
import static org.gridaid.organisation.StaffRole.WAREHOUSE;
import static org.gridaid.shared.Texts.trimmed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridaid.medicine.MedicineDeliveryProcess.Forms;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.RequestFingerprints;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.PlainText;
import org.gridaid.shared.web.ForbiddenException;
import org.hibernate.validator.constraints.Range;
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
 * Medicine deliveries for clinics (API key) and staff (HTTP Basic). Thin: who may see a delivery
 * and act on it is {@link DeliveryAccess}'s answer, everything else {@link MedicineDeliveryService}'s.
 */
@RestController
@RequestMapping("/api/v1/medicine-requests")
@Validated
class MedicineDeliveryController {

  private final MedicineDeliveryService service;
  private final Requesters requesters;
  private final ObjectMapper json;
  private final RequestFingerprints fingerprints;

  MedicineDeliveryController(MedicineDeliveryService service, Requesters requesters, ObjectMapper json,
      RequestFingerprints fingerprints) {
    this.fingerprints = fingerprints;
    this.service = service;
    this.requesters = requesters;
    this.json = json;
  }

  record Received(long id, DeliveryStatus status, String gridCode, String confirmationCode, Instant requestedAt) {}

  /**
   * 201 with the delivery and the code the recipient shows at the door; a retry with the same
   * Idempotency-Key and body gets the same answer.
   */
  @PostMapping
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:medicine-requests:create')")
  ResponseEntity<Received> request(@RequestBody NewMedicineRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) {
    Requester requester = requesters.of(caller);
    if (requester.hasRole(VOLUNTEER, WAREHOUSE, DONATION_DESK, FINANCE)) {
      throw new ForbiddenException("Volunteers, the warehouse, the donation desk and finance do not ask for"
          + " deliveries");
    }
    String key = trimmed(idempotencyKey);
    String hash = fingerprints.ofJson(key, body);
    var submitted = service.request(body, requester.id(), key, hash);
    MedicineDelivery delivery = submitted.delivery();
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/api/v1/medicine-requests/" + delivery.id())
        .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
        .body(new Received(delivery.id(), delivery.status(), delivery.gridCode(), delivery.confirmationCode(),
            delivery.requestedAt()));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:medicine-requests:read')")
  MedicineDeliveryView get(@PathVariable long id, Authentication authentication) {
    Requester requester = requesters.of(authentication);
    return view(DeliveryAccess.SEE.check(requester, service.get(id)), requester);
  }

  record Cancellation(@NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {}

  @PostMapping("/{id}/cancel")
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:medicine-requests:cancel')")
  MedicineDeliveryView cancel(@PathVariable long id, @Valid @RequestBody Cancellation body,
      Authentication authentication) {
    Requester requester = requesters.of(authentication);
    DeliveryAccess.CANCEL.check(requester, service.get(id));
    return view(service.cancel(id, body.reason().strip(), requester.id()), requester);
  }

  record Visit(
      @NotBlank(message = "is required") @EnumCode(MedicineDeliveryService.DoorOutcome.class) String outcome,
      @Size(max = 10, message = "must be at most 10 characters") @PlainText String confirmationCode,
      @Size(max = 50, message = "must be at most 50 characters") @PlainText String receivedBy,
      @Size(max = 500, message = "must be at most 500 characters") @PlainText(multiline = true) String note,
      @Size(max = 20, message = "must have at most 20 lines")
      List<@NotNull(message = "is required") @Valid VisitLine> lines) {}

  record VisitLine(
      @NotNull(message = "is required") @Range(min = 1, max = 20, message = "must be between 1 and 20") Integer lineNo,
      @NotNull(message = "is required") @Range(min = 0, max = 999, message = "must be between 0 and 999")
      Integer accepted,
      @NotNull(message = "is required") @Range(min = 0, max = 999, message = "must be between 0 and 999")
      Integer refused,
      @Size(max = 200, message = "must be at most 200 characters") @PlainText String refusalReason) {}

  /** The courier's phone app: what happened at the door, as 送达确认 in Tasklist records it. */
  @PostMapping("/{id}/visit")
  @PreAuthorize("hasRole('STAFF')")
  MedicineDeliveryView visit(@PathVariable long id, @Valid @RequestBody Visit body, Authentication authentication)
      throws JsonProcessingException {
    Requester requester = requesters.of(authentication);
    DeliveryAccess.REPORT_VISIT.check(requester, service.get(id));
    Map<String, Object> form = new HashMap<>();
    form.put(Forms.DELIVERY_OUTCOME.getName(), body.outcome().strip());
    form.put(Forms.CONFIRMATION_CODE.getName(), body.confirmationCode());
    form.put(Forms.RECEIVED_BY.getName(), body.receivedBy());
    form.put(Forms.DELIVERY_NOTE.getName(), body.note());
    form.put(Forms.DELIVERED_LINES.getName(),
        SpinValues.jsonValue(json.writeValueAsString(body.lines() == null ? List.of() : body.lines())).create());
    service.reportVisit(id, form, requester.id());
    return view(service.get(id), requester);
  }

  private MedicineDeliveryView view(MedicineDelivery delivery, Requester requester) {
    return MedicineDeliveryView.of(delivery, service.timeline(delivery.id()),
        DeliveryAccess.seesPersonalData(requester, delivery),
        DeliveryAccess.readsConfirmationCode(requester, delivery), service);
  }
}
