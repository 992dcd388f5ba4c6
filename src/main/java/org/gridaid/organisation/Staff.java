package org.gridaid.organisation;

/**
 * A staff member as the register knows them; {@code userId} is also their Camunda user id.
 * An inactive person keeps their history but belongs to no group and cannot sign in.
 */
public record Staff(String userId, String displayName, StaffRole role, String areaCode, Employment employment,
    boolean active) {

  public Staff(String userId, String displayName, StaffRole role, String areaCode, Employment employment) {
    this(userId, displayName, role, areaCode, employment, true);
  }
}
