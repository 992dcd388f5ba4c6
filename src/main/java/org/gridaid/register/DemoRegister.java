package org.gridaid.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.organisation.Groups;
import org.gridaid.register.RegisterForms.HouseholdForm;
import org.gridaid.register.RegisterForms.PersonForm;
import org.gridaid.shared.Coverage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few hundred made-up households over the demo grids: about one in three with an elderly
 * person living alone, a chronic patient or another flag, each flagged person with a daily
 * or weekly check-in plan. Same seed, same register; loaded only into an empty register.
 */
@Component
@Profile("demo")
@Order(20)
class DemoRegister implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoRegister.class);
  static final int HOUSEHOLDS_PER_UNIT = 5;
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "梁", "何"};
  private static final String[] CONDITIONS = {"高血压", "糖尿病", "冠心病", "慢阻肺"};
  private static final String[] MEDICINES = {"氨氯地平", "二甲双胍", "胰岛素", "阿司匹林"};

  private final RegisterService register;
  private final RegisterStore store;
  private final AreaDirectory areas;

  DemoRegister(RegisterService register, RegisterStore store, AreaDirectory areas) {
    this.register = register;
    this.store = store;
    this.areas = areas;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (store.households(Coverage.EVERYWHERE, null, null, 0, 1).total() > 0) {
      return;
    }
    Random random = new Random(2022);
    int households = 0;
    int persons = 0;
    List<Area> units = new ArrayList<>();
    areas.roots().forEach(root -> areas.subtree(root.code()).stream()
        .filter(a -> a.level() == AreaLevel.MINIMAL_UNIT).forEach(units::add));
    for (Area unit : units) {
      for (int room = 1; room <= HOUSEHOLDS_PER_UNIT; room++) {
        int size = 1 + random.nextInt(4);
        boolean hardship = random.nextInt(10) == 0;
        Household household = register.createHousehold(new HouseholdForm(unit.address() + (100 + room) + "室",
            unit.parentCode(), unit.code(), phone(random), size,
            hardship ? RecipientGroup.HARDSHIP.name() : RecipientGroup.ORDINARY.name()), "demo-data",
            Coverage.EVERYWHERE);
        households++;
        for (int member = 0; member < size; member++) {
          persons++;
          register.createPerson(person(random, household.id(), unit.parentCode(), size, member, persons),
              "demo-data");
        }
      }
    }
    log.info("Demo register: {} households, {} persons", households, persons);
  }

  /** {@code serial} keeps the demo ID numbers unique. */
  private static PersonForm person(Random random, long household, String gridCode, int size, int member,
      int serial) {
    int birthYear = 1935 + random.nextInt(85);
    List<String> flags = new ArrayList<>();
    String conditions = null;
    String medicines = null;
    if (size == 1 && birthYear < 1960) {
      flags.add(Vulnerability.ELDERLY_ALONE.name());
    }
    if (birthYear < 1965 && random.nextInt(3) == 0) {
      int which = random.nextInt(CONDITIONS.length);
      flags.add(Vulnerability.CHRONIC_ILLNESS.name());
      conditions = CONDITIONS[which];
      medicines = MEDICINES[which];
    }
    if (random.nextInt(25) == 0) {
      flags.add(birthYear > 2010 ? Vulnerability.LEFT_BEHIND_CHILD.name() : Vulnerability.MOBILITY_IMPAIRED.name());
    }
    if (birthYear < 1955 && random.nextInt(2) == 0) {
      flags.add(Vulnerability.NO_SMARTPHONE.name());
    }
    String surname = SURNAMES[random.nextInt(SURNAMES.length)];
    String name = surname + (birthYear < 1960 ? (random.nextBoolean() ? "伯" : "婆婆")
        : birthYear > 2008 ? "小朋友" : (random.nextBoolean() ? "先生" : "女士")) + (member + 1);
    String id = IdNumbers.withCheck("440704" + birthYear + String.format("%02d%02d", 1 + random.nextInt(12),
        1 + random.nextInt(28)) + String.format("%03d", serial % 1000));
    boolean listed = !flags.isEmpty();
    return new PersonForm(household, name, id, birthYear > 2008 ? null : phone(random), birthYear, flags, conditions,
        medicines, listed ? "子女 " + phone(random) : null, listed ? Groups.grid(gridCode) : null,
        listed ? (flags.contains(Vulnerability.ELDERLY_ALONE.name()) ? 1 : 7) : null);
  }

  private static String phone(Random random) {
    return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
  }
}
