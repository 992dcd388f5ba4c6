package org.gridaid.supplies;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sites where stock is kept, for every module, and where to find an item: the medicine flow
 * asks for a site with insulin in the recipient's street first, then anywhere in the district.
 */
@Service
public class SupplySites {

  private final JdbcClient jdbc;
  private final AreaDirectory areas;
  private final StockBalances balances;
  private final Validator validator;
  private final Savepoints savepoints;
  private final CatalogCache<SupplySite> cache;

  SupplySites(JdbcClient jdbc, AreaDirectory areas, StockBalances balances, Validator validator,
      Savepoints savepoints) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.balances = balances;
    this.validator = validator;
    this.savepoints = savepoints;
    this.cache = new CatalogCache<>(() -> jdbc.sql("select * from supply_site order by code")
        .query((rs, row) -> new SupplySite(rs.getString("code"), rs.getString("name"),
            SiteKind.valueOf(rs.getString("kind")), rs.getString("area_code"), rs.getBoolean("active")))
        .list(), SupplySite::code);
  }

  public Optional<SupplySite> find(String code) {
    return Optional.ofNullable(cache.find(code));
  }

  /** The site; 404 for a code nobody added. */
  public SupplySite get(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("Supply site", code));
  }

  /** Every site, by code. */
  public List<SupplySite> all() {
    return cache.all();
  }

  /** The sites in the area or anywhere below it (a street's: its own and its communities'). */
  public List<SupplySite> within(String areaCode) {
    return all().stream().filter(site -> isWithin(site, areaCode)).toList();
  }

  private boolean isWithin(SupplySite site, String areaCode) {
    return areas.path(site.areaCode()).stream().anyMatch(area -> area.code().equals(areaCode));
  }

  /**
   * The nearest active site of one of the kinds (any kind when empty) that can still promise
   * {@code quantity} of the item: the first area of {@code areaCodes} (a street, then the
   * district) with such a site inside it wins, and within it the site with the most. A look only:
   * somebody may take the stock before the caller reserves it, which
   * {@link StockLedger#reserveNearest} takes care of.
   */
  public Optional<SiteStock> nearestWith(String itemCode, int quantity, List<String> areaCodes, Set<SiteKind> kinds) {
    return candidates(itemCode, quantity, areaCodes, kinds).stream().findFirst();
  }

  /** Every site {@link #nearestWith} could answer, nearest first. */
  List<SiteStock> candidates(String itemCode, int quantity, List<String> areaCodes, Set<SiteKind> kinds) {
    Map<String, Integer> available = balances.availableAt(itemCode, Math.max(quantity, 1));
    Map<String, SiteStock> ordered = new LinkedHashMap<>();
    for (String areaCode : areaCodes) {
      List<SiteStock> inArea = new ArrayList<>();
      available.forEach((code, free) -> find(code)
          .filter(site -> site.active() && (kinds.isEmpty() || kinds.contains(site.kind())))
          .filter(site -> isWithin(site, areaCode))
          .ifPresent(site -> inArea.add(new SiteStock(site, free))));
      inArea.sort(Comparator.comparingInt(SiteStock::available).reversed()
          .thenComparing(stock -> stock.site().code()));
      inArea.forEach(stock -> ordered.putIfAbsent(stock.site().code(), stock));
    }
    return List.copyOf(ordered.values());
  }

  @Transactional
  SupplySite create(NewSupplySite form, String actor) {
    FormCheck check = FormCheck.of(validator, form);
    if (!check.failed("areaCode") && areas.find(form.areaCode()).isEmpty()) {
      check.reject("areaCode", "is not a known area");
    }
    check.orThrow();
    if (find(form.code()).isPresent()) {
      throw new ConflictException("Supply site '" + form.code() + "' already exists");
    }
    SupplySite site = new SupplySite(form.code(), form.name(), EnumCodeValidator.find(SiteKind.class, form.kind()),
        form.areaCode(), true);
    insert(site, actor);
    return site;
  }

  /** Adds the site unless one with its code is there already (another node's demo data). */
  boolean createIfAbsent(SupplySite site, String actor) {
    return savepoints.insertIfAbsent(() -> insert(site, actor));
  }

  private void insert(SupplySite site, String actor) {
    jdbc.sql("insert into supply_site (code, name, kind, area_code, active, created_by) values (?, ?, ?, ?, ?, ?)")
        .params(site.code(), site.name(), site.kind().name(), site.areaCode(), site.active(), actor).update();
    cache.invalidate();
  }

  /** The area the site is in, for views. */
  Optional<Area> area(SupplySite site) {
    return areas.find(site.areaCode());
  }
}
