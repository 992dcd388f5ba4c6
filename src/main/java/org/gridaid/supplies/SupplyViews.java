package org.gridaid.supplies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridaid.organisation.Area;
import org.springframework.stereotype.Component;

/** Sites, items, stock and movements as the API and the CSV files show them: codes with their Chinese names. */
@Component
class SupplyViews {

  private final SupplySites sites;
  private final SupplyItems items;

  SupplyViews(SupplySites sites, SupplyItems items) {
    this.sites = sites;
    this.items = items;
  }

  record SiteView(String code, String name, SiteKind kind, String kindLabel, String areaCode, String areaName,
      boolean active) {}

  record ItemView(String code, String name, String unit, ItemCategory category, String categoryLabel,
      boolean coldChain, boolean prescriptionOnly) {}

  record BatchView(String batch, LocalDate expiry, int onHand) {}

  record StockLineView(String siteCode, String siteName, SiteKind siteKind, String areaCode, String itemCode,
      String itemName, String unit, ItemCategory category, boolean coldChain, boolean prescriptionOnly, int onHand,
      int reserved, int available, LocalDate firstExpiry, List<BatchView> batches) {}

  record ReferenceView(ReferenceType type, String typeLabel, String id) {}

  record MovementView(long id, MovementKind kind, String kindLabel, String siteCode, String siteName,
      String itemCode, String itemName, String unit, String batch, LocalDate expiry, int quantity, int onHandChange,
      int reservedChange, String reason, String actor, Instant occurredAt, ReferenceView reference,
      Long reservationId, Long counterpartId, Long entryId) {}

  record LevelView(String siteCode, String itemCode, int onHand, int reserved, int available) {}

  /** What a command recorded, and the stock of the sites it changed as it is now. */
  record RecordedView(List<MovementView> movements, List<LevelView> stock) {}

  SiteView site(SupplySite site) {
    return new SiteView(site.code(), site.name(), site.kind(), site.kind().label(), site.areaCode(),
        sites.area(site).map(Area::name).orElse(null), site.active());
  }

  ItemView item(SupplyItem item) {
    return new ItemView(item.code(), item.name(), item.unit(), item.category(), item.category().label(),
        item.coldChain(), item.prescriptionOnly());
  }

  StockLineView line(StockBalances.Line line) {
    StockLevel level = line.level();
    SupplySite site = sites.get(level.siteCode());
    SupplyItem item = items.get(level.itemCode());
    List<BatchView> batches = line.lots().stream().map(l -> new BatchView(l.name(), l.expiry(), l.onHand())).toList();
    LocalDate firstExpiry = line.lots().stream().map(Lot::expiry).filter(e -> e != null).min(LocalDate::compareTo)
        .orElse(null);
    return new StockLineView(site.code(), site.name(), site.kind(), site.areaCode(), item.code(), item.name(),
        item.unit(), item.category(), item.coldChain(), item.prescriptionOnly(), level.onHand(), level.reserved(),
        level.available(), firstExpiry, batches);
  }

  MovementView movement(Movement m) {
    SupplySite site = sites.get(m.siteCode());
    SupplyItem item = items.get(m.itemCode());
    Reference ref = m.reference();
    return new MovementView(m.id(), m.kind(), m.kind().label(), site.code(), site.name(), item.code(), item.name(),
        item.unit(), m.batch(), m.expiry(), m.quantity(), m.kind().onHandSign() * m.quantity(),
        m.kind().reservedSign() * m.quantity(), m.reason(), m.actor(), m.occurredAt(),
        ref == null ? null : new ReferenceView(ref.type(), ref.type().label(), ref.id()), m.reservationId(),
        m.counterpartId(), m.entryId());
  }

  LevelView level(StockLevel level) {
    return new LevelView(level.siteCode(), level.itemCode(), level.onHand(), level.reserved(), level.available());
  }
}
