package org.gridaid.supplies;

import static org.gridaid.shared.Texts.trimmed;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.gridaid.security.Requesters;
import org.gridaid.shared.web.CsvDownload;
import org.gridaid.supplies.StockQueries.MovementFilter;
import org.gridaid.supplies.StockQueries.StockFilter;
import org.gridaid.supplies.SupplyViews.MovementView;
import org.gridaid.supplies.SupplyViews.StockLineView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock and its history as CSV for a spreadsheet, with the filters of the lists: Chinese
 * headers, UTF-8 with a BOM, and a cell a spreadsheet would run as a formula behind an
 * apostrophe ({@link CsvDownload}). Staff only; the same people as the lists.
 */
@RestController
@RequestMapping("/api/v1/stock")
@Validated
@PreAuthorize("hasRole('STAFF')")
class StockCsvController {

  static final List<String> STOCK_COLUMNS = List.of("站点编码", "站点", "站点类型", "所在区域", "物资编码", "物资", "单位",
      "类别", "冷链", "处方药", "在库", "已预留", "可用", "最早有效期", "批次");
  static final List<String> MOVEMENT_COLUMNS = List.of("时间", "类型", "站点编码", "站点", "物资编码", "物资", "单位", "批次",
      "有效期", "数量", "在库变化", "预留变化", "原因", "经办人", "关联类型", "关联编号", "预留编号", "流水号");

  private final StockQueries queries;
  private final Requesters requesters;

  StockCsvController(StockQueries queries, Requesters requesters) {
    this.queries = queries;
    this.requesters = requesters;
  }

  @GetMapping("/export")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  void stock(@RequestParam(required = false) @Size(max = 40) String siteCode,
      @RequestParam(required = false) @Size(max = 40) String itemCode,
      @RequestParam(required = false) @Size(max = 40) String areaCode,
      @RequestParam(required = false) SiteKind kind, @RequestParam(required = false) ItemCategory category,
      Authentication caller, HttpServletResponse response) throws IOException {
    SupplyAccess.SEE_STOCK.check(requesters.of(caller));
    List<StockLineView> lines = queries.allStock(new StockFilter(trimmed(siteCode), trimmed(itemCode),
        trimmed(areaCode), kind, category));
    CsvDownload.write(response, "stock", STOCK_COLUMNS, lines, l -> new Object[] {l.siteCode(), l.siteName(),
        l.siteKind().label(), l.areaCode(), l.itemCode(), l.itemName(), l.unit(), l.category().label(),
        yes(l.coldChain()), yes(l.prescriptionOnly()), l.onHand(), l.reserved(), l.available(), l.firstExpiry(),
        String.join("; ", l.batches().stream().filter(b -> b.batch() != null)
            .map(b -> b.batch() + (b.expiry() == null ? "" : " (" + b.expiry() + ")") + " × " + b.onHand())
            .toList())});
  }

  @GetMapping("/movements/export")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  void movements(@RequestParam(required = false) @Size(max = 40) String siteCode,
      @RequestParam(required = false) @Size(max = 40) String itemCode,
      @RequestParam(required = false) ReferenceType referenceType,
      @RequestParam(required = false) @Size(max = 64) String referenceId,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
      Authentication caller, HttpServletResponse response) throws IOException {
    SupplyAccess.SEE_MOVEMENTS.check(requesters.of(caller));
    List<MovementView> movements = queries.allMovements(new MovementFilter(trimmed(siteCode), trimmed(itemCode),
        referenceType, trimmed(referenceId), from, to));
    CsvDownload.write(response, "stock-movements", MOVEMENT_COLUMNS, movements, m -> new Object[] {m.occurredAt(),
        m.kindLabel(), m.siteCode(), m.siteName(), m.itemCode(), m.itemName(), m.unit(), m.batch(), m.expiry(),
        m.quantity(), m.onHandChange(), m.reservedChange(), m.reason(), m.actor(), m.reference() == null ? null : m.reference().typeLabel(),
        m.reference() == null ? null : m.reference().id(), m.reservationId(), m.id()});
  }

  private static String yes(boolean value) {
    return value ? "是" : "否";
  }
}
