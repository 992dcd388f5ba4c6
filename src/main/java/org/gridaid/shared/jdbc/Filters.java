package org.gridaid.shared.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.gridaid.shared.Coverage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A where clause built from the filters a caller gave; null filters are left out. */
public final class Filters {

  private final StringBuilder sql = new StringBuilder(" where 1 = 1");
  private final List<Object> params = new ArrayList<>();
  private boolean matchesNothing;

  public Filters eq(String column, Object value) {
    return value == null ? this : add(column + " = ?", value);
  }

  /** Rows of the grids the coverage includes: all of them for everywhere, none for nowhere. */
  public Filters within(String gridColumn, Coverage coverage) {
    return coverage.everywhere() ? this : in(gridColumn, coverage.gridCodes());
  }

  /** An empty collection matches nothing. */
  public Filters in(String column, Collection<?> values) {
    if (values.isEmpty()) {
      matchesNothing = true;
      return this;
    }
    sql.append(" and ").append(column).append(" in (")
        .append(String.join(",", Collections.nCopies(values.size(), "?"))).append(')');
    params.addAll(values);
    return this;
  }

  public Filters add(String condition, Object... values) {
    sql.append(" and ").append(condition);
    params.addAll(List.of(values));
    return this;
  }

  public <T> List<T> list(JdbcClient jdbc, String select, String orderBy, RowMapper<T> mapper) {
    return matchesNothing ? List.of()
        : jdbc.sql(select + sql + " order by " + orderBy).params(params).query(mapper).list();
  }

  /** One page of the rows, with the total count of all of them. */
  public <T> Page<T> page(JdbcClient jdbc, String select, String orderBy, int page, int size, RowMapper<T> mapper) {
    if (matchesNothing) {
      return new Page<>(List.of(), page, size, 0);
    }
    long total = jdbc.sql("select count(*) from (" + select + sql + ") counted").params(params)
        .query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add((long) page * size);
    pageParams.add(size);
    List<T> items = jdbc.sql(select + sql + " order by " + orderBy + " offset ? rows fetch next ? rows only")
        .params(pageParams).query(mapper).list();
    return new Page<>(items, page, size, total);
  }
}
