package org.gridaid.organisation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Areas {

  private final JdbcClient jdbc;

  Areas(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Area> findAll() {
    return jdbc.sql("select code, parent_code, level, name, kind, address, sort_order from area"
            + " order by level, sort_order, code")
        .query((rs, n) -> new Area(rs.getString("code"), rs.getString("parent_code"),
            AreaLevel.valueOf(rs.getString("level")), rs.getString("name"), rs.getString("kind"),
            rs.getString("address"), rs.getInt("sort_order")))
        .list();
  }

  boolean exists(String code) {
    return jdbc.sql("select count(*) from area where code = ?").param(code).query(Integer.class).single() > 0;
  }

  void insert(Area area) {
    jdbc.sql("insert into area (code, parent_code, level, name, kind, address, sort_order)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(area.code(), area.parentCode(), area.level().name(), area.name(), area.kind(),
            area.address(), area.sortOrder())
        .update();
  }
}
