package org.gridaid.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffMembers {

  private static final String COLUMNS = "select user_id, display_name, role, area_code, employment, active from staff";

  private final JdbcClient jdbc;

  StaffMembers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Staff> findAll() {
    return jdbc.sql(COLUMNS + " order by user_id").query(StaffMembers::map).list();
  }

  List<Staff> findBy(StaffRole role, String areaCode) {
    // conditions built here: PostgreSQL cannot type a null parameter in "? is null"
    StringBuilder sql = new StringBuilder(COLUMNS + " where 1 = 1");
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    if (role != null) {
      sql.append(" and role = :role");
      params.put("role", role.name());
    }
    if (areaCode != null) {
      sql.append(" and area_code = :area");
      params.put("area", areaCode);
    }
    return jdbc.sql(sql + " order by user_id").params(params).query(StaffMembers::map).list();
  }

  Optional<Staff> find(String userId) {
    return jdbc.sql(COLUMNS + " where user_id = ?").param(userId).query(StaffMembers::map).optional();
  }

  void insert(Staff staff, String changedBy) {
    jdbc.sql("insert into staff (user_id, display_name, role, area_code, employment, active, updated_by)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(staff.userId(), staff.displayName(), staff.role().name(), staff.areaCode(),
            staff.employment().name(), staff.active(), changedBy)
        .update();
  }

  void update(Staff staff, String changedBy) {
    jdbc.sql("update staff set display_name = ?, role = ?, area_code = ?, employment = ?, active = ?,"
            + " updated_at = current_timestamp, updated_by = ? where user_id = ?")
        .params(staff.displayName(), staff.role().name(), staff.areaCode(), staff.employment().name(),
            staff.active(), changedBy, staff.userId())
        .update();
  }

  private static Staff map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Staff(rs.getString("user_id"), rs.getString("display_name"), StaffRole.valueOf(rs.getString("role")),
        rs.getString("area_code"), Employment.valueOf(rs.getString("employment")), rs.getBoolean("active"));
  }
}
