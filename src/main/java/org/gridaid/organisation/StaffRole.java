package org.gridaid.organisation;

/**
 * The roles of the domain brief. Each has one Camunda group for everybody in the role and,
 * for area roles, one group per area they serve (see {@link Groups}).
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
  DONATION_DESK("慈善会捐赠窗口", null, Groups.DONATION_DESK);

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

  /** The group of the area this person serves, or null for roles without one. */
  public String areaGroup(String areaCode) {
    return switch (this) {
      case GRID_STAFF -> Groups.grid(areaCode);
      case GRID_LEADER -> Groups.gridLeader(areaCode);
      case COMMUNITY -> Groups.community(areaCode);
      case STREET -> Groups.street(areaCode);
      case VOLUNTEER -> Groups.volunteers(areaCode);
      default -> null;
    };
  }
}
