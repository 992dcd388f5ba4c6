package org.gridaid.supplies;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.shared.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo district's supplies: the district's emergency warehouse (区应急物资仓库), a pharmacy
 * in every street, 中福社区's centre, the medicines chronic patients and fevers need (the
 * antihypertensives 硝苯地平 and 氨氯地平, insulin kept cold and on prescription, the antipyretics
 * 布洛芬 and 对乙酰氨基酚) and what care packs hold (rice, noodles, disinfectant, masks; fruit, nuts, milk; meat,
 * vegetables; the breakfast pack's bread, eggs and milk; the message card), with
 * opening stock. Loaded through the ledger like real receipts, and only what is missing: sites
 * and items are inserted unless there, each opening receipt has an idempotency key of its own,
 * so a restart, or two nodes starting together, records it once.
 */
@Component
@Profile("demo")
@Order(30)
class DemoSupplies implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoSupplies.class);
  static final String LOADED_BY = "demo-data";
  static final String DISTRICT = "JH";
  static final String WAREHOUSE = "WH-JH";
  static final String CENTRE = "CC-JH-LL-ZF";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  static final List<SupplyItem> ITEMS = List.of(
      new SupplyItem("MED-NIFEDIPINE-SR", "硝苯地平缓释片 10mg×30片", "盒", ItemCategory.MEDICINE, false, true),
      new SupplyItem("MED-AMLODIPINE", "苯磺酸氨氯地平片 5mg×28片", "盒", ItemCategory.MEDICINE, false, true),
      new SupplyItem("MED-INSULIN", "胰岛素注射液 3ml:300单位", "支", ItemCategory.MEDICINE, true, true),
      new SupplyItem("MED-IBUPROFEN", "布洛芬缓释胶囊 0.3g×20粒", "盒", ItemCategory.MEDICINE, false, false),
      new SupplyItem("MED-PARACETAMOL", "对乙酰氨基酚片 0.5g×20片", "盒", ItemCategory.MEDICINE, false, false),
      new SupplyItem("FOOD-RICE", "大米 2.5kg", "袋", ItemCategory.FOOD, false, false),
      new SupplyItem("FOOD-NOODLES", "挂面", "箱", ItemCategory.FOOD, false, false),
      new SupplyItem("HYG-DISINFECTANT", "84消毒液 500ml", "瓶", ItemCategory.HYGIENE, false, false),
      new SupplyItem("PPE-MASK", "一次性医用口罩 10只装", "盒", ItemCategory.PROTECTIVE, false, false),
      new SupplyItem("FOOD-FRUIT", "时令水果 2kg", "份", ItemCategory.FOOD, false, false),
      new SupplyItem("FOOD-NUTS", "每日坚果 礼盒", "盒", ItemCategory.FOOD, false, false),
      new SupplyItem("FOOD-MILK", "纯牛奶 250ml×12", "箱", ItemCategory.FOOD, false, false),
      new SupplyItem("FOOD-MEAT", "猪肉 1kg", "份", ItemCategory.FOOD, false, false),
      new SupplyItem("FOOD-VEGETABLES", "蔬菜包 3kg", "份", ItemCategory.FOOD, false, false),
      new SupplyItem("FOOD-BREAD", "早餐面包 4只装", "袋", ItemCategory.FOOD, false, false),
      new SupplyItem("FOOD-EGGS", "鸡蛋 10枚", "盒", ItemCategory.FOOD, false, false),
      new SupplyItem("CARD-MESSAGE", "暖心卡", "张", ItemCategory.OTHER, false, false));

  /** Opening stock: at the warehouse, at each pharmacy (medicines only), at the community centre. */
  record Opening(String itemCode, int warehouse, int pharmacy, int centre, String batch, int monthsToExpiry) {}

  static final List<Opening> OPENING = List.of(
      new Opening("MED-NIFEDIPINE-SR", 400, 60, 0, "NF2207", 22),
      new Opening("MED-AMLODIPINE", 400, 60, 0, "AM2206", 20),
      new Opening("MED-INSULIN", 120, 20, 0, "INS2207", 9),
      new Opening("MED-IBUPROFEN", 600, 100, 0, "IB2205", 24),
      new Opening("MED-PARACETAMOL", 600, 100, 0, "PA2206", 24),
      new Opening("FOOD-RICE", 2000, 0, 200, null, 0),
      new Opening("FOOD-NOODLES", 1000, 0, 100, null, 0),
      new Opening("HYG-DISINFECTANT", 1500, 0, 100, null, 0),
      new Opening("PPE-MASK", 3000, 0, 300, null, 0),
      new Opening("FOOD-FRUIT", 2000, 0, 100, null, 0),
      new Opening("FOOD-NUTS", 2000, 0, 100, null, 0),
      new Opening("FOOD-MILK", 6000, 0, 200, null, 0),
      new Opening("FOOD-MEAT", 6000, 0, 200, null, 0),
      new Opening("FOOD-VEGETABLES", 8000, 0, 300, null, 0),
      new Opening("FOOD-BREAD", 8000, 0, 300, null, 0),
      new Opening("FOOD-EGGS", 4000, 0, 200, null, 0),
      new Opening("CARD-MESSAGE", 20000, 0, 500, null, 0));

  private final SupplySites sites;
  private final SupplyItems items;
  private final StockLedger ledger;
  private final AreaDirectory areas;
  private final Clock clock;

  DemoSupplies(SupplySites sites, SupplyItems items, StockLedger ledger, AreaDirectory areas, Clock clock) {
    this.sites = sites;
    this.items = items;
    this.ledger = ledger;
    this.areas = areas;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (areas.find(DISTRICT).isEmpty()) {
      return;
    }
    List<SupplySite> pharmacies = new ArrayList<>();
    sites.createIfAbsent(new SupplySite(WAREHOUSE, "区应急物资仓库", SiteKind.WAREHOUSE, DISTRICT, true), LOADED_BY);
    for (Area street : areas.children(DISTRICT)) {
      if (street.level() == AreaLevel.STREET) {
        SupplySite pharmacy = new SupplySite("PH-" + street.code(), street.name() + "社区卫生服务中心药房",
            SiteKind.PHARMACY, street.code(), true);
        sites.createIfAbsent(pharmacy, LOADED_BY);
        pharmacies.add(pharmacy);
      }
    }
    boolean centre = areas.find("JH-LL-ZF").isPresent();
    if (centre) {
      sites.createIfAbsent(new SupplySite(CENTRE, "中福社区党群服务中心", SiteKind.COMMUNITY_CENTRE, "JH-LL-ZF", true),
          LOADED_BY);
    }
    ITEMS.forEach(item -> items.createIfAbsent(item, LOADED_BY));

    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    int receipts = 0;
    for (Opening opening : OPENING) {
      // the warehouse's receipt dates a batch; the other sites' receipts of it take that date
      LocalDate expiry = opening.batch() == null ? null
          : today.plusMonths(opening.monthsToExpiry()).withDayOfMonth(1).minusDays(1);
      receipts += open(WAREHOUSE, opening, opening.warehouse(), expiry);
      for (SupplySite pharmacy : pharmacies) {
        receipts += open(pharmacy.code(), opening, opening.pharmacy(), null);
      }
      if (centre) {
        receipts += open(CENTRE, opening, opening.centre(), null);
      }
    }
    if (receipts > 0) {
      log.info("Demo supplies: {} sites, {} items, {} opening receipts", sites.all().size(), items.all().size(),
          receipts);
    }
  }

  /** The opening receipt of an item at a site, once: 1 if it was recorded now. */
  private int open(String site, Opening opening, int quantity, LocalDate expiry) {
    String key = "demo-opening-stock/" + site + "/" + opening.itemCode();
    if (quantity == 0 || ledger.recorded(key)) {
      return 0;
    }
    try {
      return ledger.receive(new Receipt(site, opening.itemCode(), quantity, opening.batch(), expiry, "演示数据: 期初库存",
          null), LOADED_BY, key).replayed() ? 0 : 1;
    } catch (ConflictException e) {
      // another node, started in another month, recorded it a moment ago with that month's expiry
      return 0;
    }
  }
}
