package org.gridaid.supplies;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.supplies.StockQueries.MovementFilter;
import org.gridaid.supplies.StockQueries.StockFilter;
import org.gridaid.supplies.SupplyViews.MovementView;
import org.gridaid.supplies.SupplyViews.RecordedView;
import org.gridaid.supplies.SupplyViews.StockLineView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock, its history, and what warehouse and pharmacy staff record. Thin: who may see and
 * record is {@link SupplyAccess}'s answer, the rest the ledger's. A command sent again with the
 * same {@code Idempotency-Key} (per caller) is answered as the first time, recorded once.
 */
@RestController
@RequestMapping("/api/v1/stock")
@Validated
class StockController {

  static final String READ = "hasRole('STAFF') or hasAuthority('api:" + SupplyApiOperations.READ + "')";

  private final StockLedger ledger;
  private final StockQueries queries;
  private final SupplySites sites;
  private final SupplyViews views;
  private final Requesters requesters;

  StockController(StockLedger ledger, StockQueries queries, SupplySites sites, SupplyViews views,
      Requesters requesters) {
    this.ledger = ledger;
    this.queries = queries;
    this.sites = sites;
    this.views = views;
    this.requesters = requesters;
  }

  /** Stock by site and item, with batches and expiry; {@code areaCode}: the sites in the area or below it. */
  @GetMapping
  @PreAuthorize(READ)
  Page<StockLineView> stock(@RequestParam(required = false) @Size(max = 40) String siteCode,
      @RequestParam(required = false) @Size(max = 40) String itemCode,
      @RequestParam(required = false) @Size(max = 40) String areaCode,
      @RequestParam(required = false) SiteKind kind, @RequestParam(required = false) ItemCategory category,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Authentication caller) {
    SupplyAccess.SEE_STOCK.check(requesters.of(caller));
    return queries.stock(new StockFilter(trimmed(siteCode), trimmed(itemCode), trimmed(areaCode), kind, category),
        page, size);
  }

  /** The history, newest first: by site, item, what it belongs to, and period ({@code from} ≤ time < {@code to}). */
  @GetMapping("/movements")
  @PreAuthorize("hasRole('STAFF')")
  Page<MovementView> movements(@RequestParam(required = false) @Size(max = 40) String siteCode,
      @RequestParam(required = false) @Size(max = 40) String itemCode,
      @RequestParam(required = false) ReferenceType referenceType,
      @RequestParam(required = false) @Size(max = 64) String referenceId,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Authentication caller) {
    SupplyAccess.SEE_MOVEMENTS.check(requesters.of(caller));
    return queries.movements(new MovementFilter(trimmed(siteCode), trimmed(itemCode), referenceType,
        trimmed(referenceId), from, to), page, size);
  }

  /** Goods arrived at a site (入库). */
  @PostMapping("/receipts")
  @PreAuthorize("hasRole('STAFF')")
  ResponseEntity<RecordedView> receive(@RequestBody Receipt body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) {
    Requester who = requesters.of(caller);
    SupplyAccess.RECORD.check(who, sites.find(body.siteCode()).orElse(null));
    return created(ledger.receive(body, who.id(), key(who, idempotencyKey)));
  }

  /** A correction found by counting, damage or expiry (盘点, 报损). */
  @PostMapping("/adjustments")
  @PreAuthorize("hasRole('STAFF')")
  ResponseEntity<RecordedView> adjust(@RequestBody Adjustment body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) {
    Requester who = requesters.of(caller);
    SupplyAccess.RECORD.check(who, sites.find(body.siteCode()).orElse(null));
    return created(ledger.adjust(body, who.id(), key(who, idempotencyKey)));
  }

  /** Stock sent from one site to another (调拨), recorded at both. */
  @PostMapping("/transfers")
  @PreAuthorize("hasRole('STAFF')")
  ResponseEntity<RecordedView> transfer(@RequestBody Transfer body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
      Authentication caller) {
    Requester who = requesters.of(caller);
    SupplyAccess.RECORD.check(who, sites.find(body.fromSiteCode()).orElse(null));
    SupplyAccess.RECORD.check(who, sites.find(body.toSiteCode()).orElse(null));
    return created(ledger.transfer(body, who.id(), key(who, idempotencyKey)));
  }

  /** A caller's key, kept apart from every other caller's and from the keys modules use. */
  private static String key(Requester who, String idempotencyKey) {
    String key = trimmed(idempotencyKey);
    return key == null ? null : "api/" + who.id() + "/" + key;
  }

  private ResponseEntity<RecordedView> created(Recorded recorded) {
    Set<List<String>> touched = new LinkedHashSet<>();
    recorded.movements().forEach(m -> touched.add(List.of(m.siteCode(), m.itemCode())));
    RecordedView view = new RecordedView(recorded.movements().stream().map(views::movement).toList(),
        touched.stream().map(pair -> views.level(ledger.level(pair.get(0), pair.get(1)))).toList());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Idempotent-Replayed", String.valueOf(recorded.replayed())).body(view);
  }
}
