package org.gridaid.organisation;

import java.util.List;

/**
 * The roles of the domain brief. Each has one Camunda group for everybody in the role and,
 * for area roles, the groups of the area they serve (see {@link Groups}).
 */
public enum StaffRole {
  HOTLINE("热线接线员", null, Groups.HOTLINE),
  GRID_STAFF("网格员", AreaLevel.GRID, Groups.GRID_STAFF),
  GRID_LEADER("网格长", AreaLevel.GRID, Groups.GRID_LEADERS),
  COMMUNITY("社区(村)工作人员", AreaLevel.COMMUNITY, Groups.COMMUNITY_STAFF),
  STREET("街道指挥部", AreaLevel.STREET, Groups.STREET_STAFF),
  DISTRICT_COMMAND("区疫情防控指挥部", AreaLevel.DISTRICT, Groups.DISTRICT_COMMAND),
  MEDICAL_TEAM("临时医疗保障小组", null, Groups.MEDICAL_TEAM),
  PHARMACY("药房", null, Groups.PHARMACY),
  WAREHOUSE("物资保障组", null, Groups.WAREHOUSE),
  VOLUNTEER("志愿者", AreaLevel.STREET, Groups.VOLUNTEERS),
  DONATION_DESK("慈善会捐赠窗口", null, Groups.DONATION_DESK),
  FINANCE("慈善会财务", null, Groups.FINANCE);

  private final String label;
  private final AreaLevel areaLevel;
  private final String roleGroup;

  StaffRole(String label, AreaLevel areaLevel, String roleGroup) {
    this.label = label;
    this.areaLevel = areaLevel;
    this.roleGroup = roleGroup;
  }

  public String label() {
    return label;
  }

  /** The level of area a person in this role serves; null when the role has no area. */
  public AreaLevel areaLevel() {
    return areaLevel;
  }

  public String roleGroup() {
    return roleGroup;
  }

  /**
   * The groups of the area this person serves; none for roles without one. A grid leader is in
   * the grid's group too: they see, take and take over every task of their grid, as its staff
   * do (without the grid staff's role group).
   */
  public List<String> areaGroups(String areaCode) {
    return switch (this) {
      case GRID_STAFF -> List.of(Groups.grid(areaCode));
      case GRID_LEADER -> List.of(Groups.gridLeader(areaCode), Groups.grid(areaCode));
      case COMMUNITY -> List.of(Groups.community(areaCode));
      case STREET -> List.of(Groups.street(areaCode));
      case VOLUNTEER -> List.of(Groups.volunteers(areaCode));
      default -> List.of();
    };
  }
}
