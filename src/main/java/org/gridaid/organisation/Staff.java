package org.gridaid.organisation;

/** A staff member as the register knows them; {@code userId} is also their Camunda user id. */
public record Staff(String userId, String displayName, StaffRole role, String areaCode, Employment employment) {}
