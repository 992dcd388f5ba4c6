package org.gridaid.carepacks;

import static org.gridaid.shared.Texts.trimmed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.Sha256;
import org.gridaid.shared.web.CsvDownload;
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
 * Care-pack campaigns over REST: a street office or the district command starts one, anybody who
 * sees it reads its live report (and the CSV), the grid's staff read their household list and
 * post what happened at the doors from a phone app. Thin: who may is {@link CampaignAccess}'s
 * answer, the rest {@link CarePackService}'s.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
@Validated
class CampaignController {

  private final CarePackService service;
  private final Requesters requesters;
  private final ObjectMapper json;

  CampaignController(CarePackService service, Requesters requesters, ObjectMapper json) {
    this.service = service;
    this.requesters = requesters;
    this.json = json;
  }

  /**
   * 201 with the campaign as planned: every grid either on its way or waiting for stock. Sent
   * again with the same Idempotency-Key and body by the same caller: 201 with that campaign's
   * report as it stands ({@code Idempotent-Replayed: true}), nothing reserved or started again.
   */
  @PostMapping
  @PreAuthorize("hasRole('STAFF')")
  ResponseEntity<CampaignReport> start(@RequestBody NewCampaign body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) throws JsonProcessingException {
    Requester requester = requesters.of(caller);
    CampaignAccess.checkStart(requester);
    String key = trimmed(idempotencyKey);
    String hash = key == null ? null : Sha256.hex(json.writeValueAsString(body));
    CarePackService.Started started = service.start(body, requester, key, hash);
    if (!started.replayed()) {
      service.continueNow(started.id());
    }
    return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/campaigns/" + started.id())
        .header("Idempotent-Replayed", String.valueOf(started.replayed()))
        .body(service.report(started.id()));
  }

  /** The report, live while the campaign runs. */
  @GetMapping("/{id}")
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:care-packs:read')")
  CampaignReport get(@PathVariable long id, Authentication caller) {
    check(CampaignAccess.SEE, requesters.of(caller), id);
    return service.report(id);
  }

  /** The report's rows as CSV (UTF-8 with BOM: opens in Excel), with the items against the ledger below. */
  @GetMapping("/{id}/export")
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:care-packs:read')")
  void export(@PathVariable long id, Authentication caller, HttpServletResponse response) throws IOException {
    check(CampaignAccess.SEE, requesters.of(caller), id);
    CampaignReport r = service.report(id);
    List<Object[]> rows = new ArrayList<>();
    for (CampaignReport.Row row : r.rows()) {
      rows.add(new Object[] {"网格", row.gridCode(), row.recipientGroupLabel(), row.packType().label(),
          row.householdsPlanned(), row.delivered(), row.missed(), row.notVisited(), row.packsIssued(),
          row.packsDelivered(), row.packsReturned()});
    }
    CampaignReport.Totals t = r.totals();
    rows.add(new Object[] {"合计", "", "", "", t.householdsPlanned(), t.delivered(), t.missed(), t.notVisited(),
        t.packsIssued(), t.packsDelivered(), t.packsReturned()});
    for (CampaignReport.ItemRow item : r.items()) {
      rows.add(new Object[] {"物资", item.itemCode(), item.itemName(), item.unit(), item.needed(), item.delivered(),
          "", "", item.issued(), item.delivered(), item.returned()});
    }
    CsvDownload.write(response, "care-pack-campaign-" + id, List.of("类别", "网格/物资", "救助类别/名称",
        "物资包/单位", "计划户数(计划数量)", "已送达", "未送达", "未上门", "出库", "送达", "退库"), rows, row -> row);
  }

  /** The phone app's list of one grid: every household with its address and where it stands. */
  @GetMapping("/{id}/grids/{gridCode}/households")
  @PreAuthorize("hasRole('STAFF')")
  List<CarePackService.ListedHousehold> households(@PathVariable long id, @PathVariable String gridCode,
      Authentication caller) {
    Requester requester = requesters.of(caller);
    List<String> grids = service.gridsOf(id);
    if (!grids.contains(gridCode)) {
      service.load(id);
      if (!CampaignAccess.sees(requester, grids)) {
        throw new NotFoundException("Campaign", String.valueOf(id));
      }
      throw new NotFoundException("Grid of campaign " + id, gridCode);
    }
    CampaignAccess.LIST_HOUSEHOLDS.check(requester, id, List.of(gridCode));
    return service.households(id, gridCode, false);
  }

  record Deliveries(
      @NotNull(message = "is required") @Size(max = 1000, message = "must hold at most {max} records")
      List<CarePackService.DoorReport> deliveries) {}

  /**
   * The phone app's doors, in bulk: {@code householdId}, {@code packType} (none: each of the
   * household's packs), {@code outcome}. All or nothing; the same post again changes nothing.
   */
  @PostMapping("/{id}/deliveries")
  @PreAuthorize("hasRole('STAFF')")
  CarePackService.Recorded record(@PathVariable long id, @Valid @RequestBody Deliveries body, Authentication caller) {
    Requester requester = requesters.of(caller);
    check(CampaignAccess.RECORD, requester, id);
    return service.record(id, body.deliveries(), requester);
  }

  private void check(CampaignAccess access, Requester requester, long id) {
    service.load(id);
    access.check(requester, id, service.gridsOf(id));
  }
}
