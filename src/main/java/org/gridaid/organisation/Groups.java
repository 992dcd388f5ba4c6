package org.gridaid.organisation;

import java.util.List;

/**
 * Camunda group ids as named in the domain brief. Tasks are routed to these groups as
 * candidate groups, so processes of every module use the methods here.
 */
public final class Groups {

  public static final String HOTLINE = "hotline";
  public static final String DISTRICT_COMMAND = "district-command";
  public static final String MEDICAL_TEAM = "medical-team";
  public static final String PHARMACY = "pharmacy";
  public static final String WAREHOUSE = "warehouse";
  public static final String DONATION_DESK = "donation-desk";
  public static final String FINANCE = "finance";

  // everybody in an area role, whatever their area: application access is granted here
  public static final String GRID_STAFF = "grid-staff";
  public static final String GRID_LEADERS = "grid-leaders";
  public static final String COMMUNITY_STAFF = "community-staff";
  public static final String STREET_STAFF = "street-staff";
  public static final String VOLUNTEERS = "volunteers";

  /** Camunda's own administrators' group, created by the engine starter. */
  public static final String ADMIN = "camunda-admin";

  private Groups() {}

  public static String grid(String gridCode) {
    return "grid-" + gridCode;
  }

  public static String gridLeader(String gridCode) {
    return "grid-leader-" + gridCode;
  }

  public static String community(String communityCode) {
    return "community-" + communityCode;
  }

  public static String street(String streetCode) {
    return "street-" + streetCode;
  }

  public static String volunteers(String streetCode) {
    return "volunteer-" + streetCode;
  }

  /**
   * A group that tasks are routed to, with its Tasklist filter name, the groups that may read
   * that filter, where the filter stands in Tasklist's list (lowest first: a member's own
   * queue opens first) and whether supervisors get its 即将超期 and 已超期 filters too.
   */
  public record TaskGroup(String id, String name, String filterName, List<String> readers, int order,
      boolean deadlineFilters) {

    /** The place of the group's deadline filters: after the queues and 我的待办. */
    int deadlineOrder() {
      return FilterOrder.DEADLINES + 2 * order;
    }
  }

  /** Where filters stand in Tasklist's list, lowest first. */
  static final class FilterOrder {
    static final int ROLE = 0;
    static final int GRID_LEADER = 10;
    static final int GRID = 11;
    static final int COMMUNITY = 20;
    static final int STREET = 30;
    static final int VOLUNTEERS = 31;
    static final int MY_TASKS = 40;
    static final int DEADLINES = 50;

    private FilterOrder() {}
  }

  /** The role groups that receive tasks but belong to no area. */
  static List<TaskGroup> roleTaskGroups() {
    return List.of(
        role(HOTLINE, "热线接线员", "热线任务", false),
        role(DISTRICT_COMMAND, "区疫情防控指挥部", "区指挥部任务", true),
        role(MEDICAL_TEAM, "临时医疗保障小组", "医疗保障任务", false),
        role(PHARMACY, "药房", "药房任务", false),
        role(WAREHOUSE, "物资保障组", "物资保障任务", false),
        role(DONATION_DESK, "慈善会捐赠窗口", "捐赠登记任务", false),
        role(FINANCE, "慈善会财务", "财务确认任务", false));
  }

  private static TaskGroup role(String id, String name, String filterName, boolean deadlineFilters) {
    return new TaskGroup(id, name, filterName, List.of(id), FilterOrder.ROLE, deadlineFilters);
  }

  /** Everybody-in-a-role groups that only carry application access. */
  static List<TaskGroup> areaRoleGroups() {
    return List.of(
        new TaskGroup(GRID_STAFF, "全体网格员", null, List.of(), FilterOrder.ROLE, false),
        new TaskGroup(GRID_LEADERS, "全体网格长", null, List.of(), FilterOrder.ROLE, false),
        new TaskGroup(COMMUNITY_STAFF, "全体社区(村)工作人员", null, List.of(), FilterOrder.ROLE, false),
        new TaskGroup(STREET_STAFF, "全体街道工作人员", null, List.of(), FilterOrder.ROLE, false),
        new TaskGroup(VOLUNTEERS, "全体志愿者", null, List.of(), FilterOrder.ROLE, false));
  }

  /** The groups an area brings with it. */
  static List<TaskGroup> taskGroupsOf(Area area) {
    String code = area.code();
    String name = area.name();
    return switch (area.level()) {
      case GRID -> List.of(
          new TaskGroup(grid(code), "网格员 · " + name, name + " · 网格任务", List.of(grid(code), gridLeader(code)),
              FilterOrder.GRID, true),
          new TaskGroup(gridLeader(code), "网格长 · " + name, name + " · 网格长督办", List.of(gridLeader(code)),
              FilterOrder.GRID_LEADER, true));
      case COMMUNITY -> List.of(
          new TaskGroup(community(code), "社区(村) · " + name, name + " · 社区(村)任务", List.of(community(code)),
              FilterOrder.COMMUNITY, true));
      case STREET -> List.of(
          new TaskGroup(street(code), "街道 · " + name, name + " · 街道任务", List.of(street(code)),
              FilterOrder.STREET, true),
          new TaskGroup(volunteers(code), "志愿者 · " + name, name + " · 志愿者接单", List.of(volunteers(code)),
              FilterOrder.VOLUNTEERS, false));
      default -> List.of();
    };
  }
}
