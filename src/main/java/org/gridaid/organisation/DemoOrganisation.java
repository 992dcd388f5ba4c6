package org.gridaid.organisation;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.gridaid.shared.DemoSettings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo district 江海区: three streets, two communities or villages each, three grids per
 * community, three minimal units per grid, and staff for every role with role-like ids.
 * Loaded through the same services as real data, and only what is missing. The demo password
 * is written by the system, not chosen by anybody, so it skips the password policy that every
 * password a person sets follows.
 */
@Component
@Profile("demo")
@Order(10)
class DemoOrganisation implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);
  static final String DISTRICT = "JH";
  static final int GRIDS_PER_COMMUNITY = 3;
  static final int UNITS_PER_GRID = 3;
  private static final String LOADED_BY = "demo-data";

  record DemoStreet(String code, String name, String pinyin, List<DemoCommunity> communities) {}

  /** Two estates (or two halves of a village) whose buildings (lanes) make the minimal units. */
  record DemoCommunity(String code, String name, String pinyin, String kind, String estateA, String estateB,
      String building) {}

  static final List<DemoStreet> STREETS = List.of(
      new DemoStreet("JH-WH", "外海街道", "waihai", List.of(
          new DemoCommunity("JH-WH-YQ", "银泉社区", "yinquan", "COMMUNITY", "银泉花园", "泉景苑", "栋"),
          new DemoCommunity("JH-WH-XC", "新创村", "xinchuang", "VILLAGE", "新创村东片", "新创村西片", "巷"))),
      new DemoStreet("JH-LL", "礼乐街道", "lile", List.of(
          new DemoCommunity("JH-LL-ZF", "中福社区", "zhongfu", "COMMUNITY", "中福花园", "福星苑", "栋"),
          new DemoCommunity("JH-LL-YM", "永明社区", "yongming", "COMMUNITY", "永明新村", "明珠苑", "栋"))),
      new DemoStreet("JH-JN", "江南街道", "jiangnan", List.of(
          new DemoCommunity("JH-JN-DH", "东湖社区", "donghu", "COMMUNITY", "东湖花园", "湖景苑", "栋"),
          new DemoCommunity("JH-JN-NS", "南山村", "nanshan", "VILLAGE", "南山村南片", "南山村北片", "巷"))));

  private final AreaDirectory areas;
  private final StaffService staff;
  private final String password;

  DemoOrganisation(AreaDirectory areas, StaffService staff, DemoSettings settings) {
    this.areas = areas;
    this.staff = staff;
    this.password = settings.staffPassword();
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (areas.find(DISTRICT).isPresent()) {
      return;
    }
    area(DISTRICT, null, AreaLevel.DISTRICT, "江海区", null, null, 0);
    person("command-01", "区指挥部值班员1", StaffRole.DISTRICT_COMMAND, DISTRICT);
    person("command-02", "区指挥部值班员2", StaffRole.DISTRICT_COMMAND, DISTRICT);
    for (int i = 1; i <= 3; i++) {
      person("hotline-0" + i, "热线接线员" + i, StaffRole.HOTLINE, null);
      person("doctor-0" + i, "值班医生" + i, StaffRole.MEDICAL_TEAM, null);
      person("nurse-0" + i, "值班护士" + i, StaffRole.MEDICAL_TEAM, null);
    }
    person("pharmacy-01", "药房药师1", StaffRole.PHARMACY, null);
    person("warehouse-01", "仓库管理员1", StaffRole.WAREHOUSE, null);
    person("warehouse-02", "仓库管理员2", StaffRole.WAREHOUSE, null);
    person("donation-desk-01", "慈善会窗口1", StaffRole.DONATION_DESK, null);
    person("finance-01", "慈善会财务1", StaffRole.FINANCE, null);

    int streetOrder = 0;
    for (DemoStreet street : STREETS) {
      area(street.code(), DISTRICT, AreaLevel.STREET, street.name(), null, null, streetOrder++);
      person("street-" + street.pinyin(), street.name() + "指挥部", StaffRole.STREET, street.code());
      for (int v = 1; v <= 2; v++) {
        person("volunteer-" + street.pinyin() + "-0" + v, street.name() + "志愿者" + v, StaffRole.VOLUNTEER, street.code());
      }
      int communityOrder = 0;
      for (DemoCommunity community : street.communities()) {
        loadCommunity(street, community, communityOrder++);
      }
    }
    log.info("Demo organisation loaded: 江海区 with {} streets", STREETS.size());
  }

  private void loadCommunity(DemoStreet street, DemoCommunity community, int order) {
    area(community.code(), street.code(), AreaLevel.COMMUNITY, community.name(), community.kind(), null, order);
    String prefix = street.pinyin() + "-" + community.pinyin();
    person("community-" + prefix, community.name() + "两委", StaffRole.COMMUNITY, community.code());
    for (int g = 1; g <= GRIDS_PER_COMMUNITY; g++) {
      String gridCode = community.code() + "-0" + g;
      String gridName = community.name() + "第" + g + "网格";
      area(gridCode, community.code(), AreaLevel.GRID, gridName, null, null, g);
      for (int u = 1; u <= UNITS_PER_GRID; u++) {
        String address = unitAddress(community, g, u);
        area(gridCode + "-0" + u, gridCode, AreaLevel.MINIMAL_UNIT, address, null, address, u);
      }
      person("grid-" + prefix + "-0" + g, gridName + "网格员", StaffRole.GRID_STAFF, gridCode);
      person("gridleader-" + prefix + "-0" + g, gridName + "网格长", StaffRole.GRID_LEADER, gridCode);
    }
    // one part-time helper in the first grid of each community
    staff.registerWithSystemPassword(new Staff("grid-" + prefix + "-01-pt",
        community.name() + "第1网格兼职网格员", StaffRole.GRID_STAFF, community.code() + "-01", Employment.PART_TIME),
        password, LOADED_BY);
  }

  /** Grids 1 and 2 share estate A (buildings 1-3 and 4-6); grid 3 has estate B. */
  static String unitAddress(DemoCommunity community, int grid, int unit) {
    String estate = grid < 3 ? community.estateA() : community.estateB();
    int number = grid == 2 ? unit + 3 : unit;
    return estate + number + community.building();
  }

  private void area(String code, String parent, AreaLevel level, String name, String kind, String address, int order) {
    areas.create(new Area(code, parent, level, name, kind, address, order));
  }

  private void person(String userId, String displayName, StaffRole role, String areaCode) {
    staff.registerWithSystemPassword(new Staff(userId, displayName, role, areaCode, Employment.FULL_TIME), password,
        LOADED_BY);
  }
}
