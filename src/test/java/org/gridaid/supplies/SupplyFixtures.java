package org.gridaid.supplies;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Sites and items of their own for a test, so that no other test's stock is counted. */
final class SupplyFixtures {

  private static final AtomicLong SERIAL = new AtomicLong(ThreadLocalRandom.current().nextInt(1_000_000) * 1000L);

  private final SupplySites sites;
  private final SupplyItems items;

  SupplyFixtures(SupplySites sites, SupplyItems items) {
    this.sites = sites;
    this.items = items;
  }

  static long unique() {
    return SERIAL.incrementAndGet();
  }

  SupplySite site(SiteKind kind, String areaCode) {
    long n = unique();
    SupplySite site = new SupplySite("T-" + kind.name().charAt(0) + n, "测试" + kind.label() + n, kind, areaCode, true);
    sites.createIfAbsent(site, "test");
    return site;
  }

  SupplySite pharmacy(String streetCode) {
    return site(SiteKind.PHARMACY, streetCode);
  }

  SupplySite warehouse() {
    return site(SiteKind.WAREHOUSE, "JH");
  }

  SupplyItem item() {
    return item(false, false);
  }

  SupplyItem item(boolean coldChain, boolean prescriptionOnly) {
    long n = unique();
    SupplyItem item = new SupplyItem("T-ITEM-" + n, "测试物资" + n, "盒", ItemCategory.MEDICINE, coldChain,
        prescriptionOnly);
    items.createIfAbsent(item, "test");
    return item;
  }
}
