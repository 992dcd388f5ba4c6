package org.gridaid.supplies;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.supplies.SupplyViews.ItemView;
import org.gridaid.supplies.SupplyViews.SiteView;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The supply sites and items: listed for those who see stock, added by those {@link SupplyAccess} names. */
@RestController
@RequestMapping("/api/v1/supplies")
@Validated
class SupplyCatalogController {

  private final SupplySites sites;
  private final SupplyItems items;
  private final AreaDirectory areas;
  private final SupplyViews views;
  private final Requesters requesters;

  SupplyCatalogController(SupplySites sites, SupplyItems items, AreaDirectory areas, SupplyViews views,
      Requesters requesters) {
    this.sites = sites;
    this.items = items;
    this.areas = areas;
    this.views = views;
    this.requesters = requesters;
  }

  /** Every site, by code; {@code areaCode}: those in the area or below it. */
  @GetMapping("/sites")
  @PreAuthorize(StockController.READ)
  List<SiteView> sites(@RequestParam(required = false) @Size(max = 40) String areaCode,
      @RequestParam(required = false) SiteKind kind, Authentication caller) {
    SupplyAccess.SEE_STOCK.check(requesters.of(caller));
    String area = trimmed(areaCode);
    if (area != null && areas.find(area).isEmpty()) {
      throw new InvalidInputException("areaCode", "is not a known area");
    }
    return (area == null ? sites.all() : sites.within(area)).stream()
        .filter(site -> kind == null || site.kind() == kind).map(views::site).toList();
  }

  @PostMapping("/sites")
  @PreAuthorize("hasRole('STAFF')")
  @ResponseStatus(HttpStatus.CREATED)
  SiteView addSite(@RequestBody NewSupplySite body, Authentication caller) {
    Requester who = requesters.of(caller);
    SupplyAccess.ADD_SITES.check(who);
    return views.site(sites.create(body, who.id()));
  }

  /** Every item, by category and code. */
  @GetMapping("/items")
  @PreAuthorize(StockController.READ)
  List<ItemView> items(@RequestParam(required = false) ItemCategory category, Authentication caller) {
    SupplyAccess.SEE_STOCK.check(requesters.of(caller));
    return items.all().stream().filter(item -> category == null || item.category() == category).map(views::item)
        .toList();
  }

  @PostMapping("/items")
  @PreAuthorize("hasRole('STAFF')")
  @ResponseStatus(HttpStatus.CREATED)
  ItemView addItem(@RequestBody NewSupplyItem body, Authentication caller) {
    Requester who = requesters.of(caller);
    SupplyAccess.ADD_ITEMS.check(who);
    return views.item(items.create(body, who.id()));
  }
}
