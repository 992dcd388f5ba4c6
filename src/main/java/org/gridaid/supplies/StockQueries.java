package org.gridaid.supplies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.Problems.FieldError;
import org.gridaid.supplies.SupplyViews.MovementView;
import org.gridaid.supplies.SupplyViews.StockLineView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock and its history as the API and the CSV files list them. A filter that names a site,
 * item or area nobody knows is a 400 naming it, not an empty list that looks like "none left".
 */
@Service
@Transactional(readOnly = true)
class StockQueries {

  /** A CSV of the history holds at most this many movements; a longer period is asked for in parts. */
  static final int MAX_EXPORTED_MOVEMENTS = 100_000;

  private final StockBalances balances;
  private final StockMovements movements;
  private final SupplySites sites;
  private final SupplyItems items;
  private final AreaDirectory areas;
  private final SupplyViews views;

  StockQueries(StockBalances balances, StockMovements movements, SupplySites sites, SupplyItems items,
      AreaDirectory areas, SupplyViews views) {
    this.balances = balances;
    this.movements = movements;
    this.sites = sites;
    this.items = items;
    this.areas = areas;
    this.views = views;
  }

  /** The stock list's filters; null is "any". {@code areaCode}: the sites in the area or below it. */
  record StockFilter(String siteCode, String itemCode, String areaCode, SiteKind kind, ItemCategory category) {}

  /** The history's filters; null is "any". {@code from} inclusive, {@code to} exclusive. */
  record MovementFilter(String siteCode, String itemCode, ReferenceType referenceType, String referenceId,
      Instant from, Instant to) {}

  Page<StockLineView> stock(StockFilter filter, int page, int size) {
    return balances.lines(query(filter), page, size).map(views::line);
  }

  List<StockLineView> allStock(StockFilter filter) {
    return balances.allLines(query(filter)).stream().map(views::line).toList();
  }

  Page<MovementView> movements(MovementFilter filter, int page, int size) {
    return movements.search(query(filter), page, size).map(views::movement);
  }

  List<MovementView> allMovements(MovementFilter filter) {
    StockMovements.Query query = query(filter);
    long count = movements.count(query);
    if (count > MAX_EXPORTED_MOVEMENTS) {
      throw new InvalidInputException("from", "the export would hold " + count + " movements, more than "
          + MAX_EXPORTED_MOVEMENTS + ": ask for a shorter period (from, to)");
    }
    return movements.all(query).stream().map(views::movement).toList();
  }

  private StockBalances.Query query(StockFilter filter) {
    List<FieldError> faults = new ArrayList<>();
    known(faults, filter.siteCode(), filter.itemCode());
    if (filter.areaCode() != null && areas.find(filter.areaCode()).isEmpty()) {
      faults.add(new FieldError("areaCode", "is not a known area"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    List<String> siteCodes = null;
    if (filter.areaCode() != null || filter.kind() != null) {
      siteCodes = (filter.areaCode() == null ? sites.all() : sites.within(filter.areaCode())).stream()
          .filter(site -> filter.kind() == null || site.kind() == filter.kind()).map(SupplySite::code).toList();
    }
    return new StockBalances.Query(filter.siteCode(), filter.itemCode(), siteCodes,
        filter.category() == null ? null : filter.category().name());
  }

  private StockMovements.Query query(MovementFilter filter) {
    List<FieldError> faults = new ArrayList<>();
    known(faults, filter.siteCode(), filter.itemCode());
    if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
      faults.add(new FieldError("to", "must be after from"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new StockMovements.Query(filter.siteCode(), filter.itemCode(), filter.referenceType(),
        filter.referenceId(), filter.from(), filter.to());
  }

  private void known(List<FieldError> faults, String siteCode, String itemCode) {
    if (siteCode != null && sites.find(siteCode).isEmpty()) {
      faults.add(new FieldError("siteCode", "is not a known supply site"));
    }
    if (itemCode != null && items.find(itemCode).isEmpty()) {
      faults.add(new FieldError("itemCode", "is not a known supply item"));
    }
  }
}
