package org.gridaid.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeys {

  private static final String COLUMNS = "select id, name, operations, created_by, created_at, revoked_at from api_key";

  private final JdbcClient jdbc;

  ApiKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ApiKey> findActiveByHash(String hash) {
    return jdbc.sql(COLUMNS + " where key_hash = ? and revoked_at is null").param(hash).query(ApiKeys::map).optional();
  }

  Optional<ApiKey> findByName(String name) {
    return jdbc.sql(COLUMNS + " where name = ?").param(name).query(ApiKeys::map).optional();
  }

  Optional<ApiKey> find(long id) {
    return jdbc.sql(COLUMNS + " where id = ?").param(id).query(ApiKeys::map).optional();
  }

  List<ApiKey> findAll() {
    return jdbc.sql(COLUMNS + " order by id").query(ApiKeys::map).list();
  }

  long insert(String name, String hash, Set<String> operations, String createdBy) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("insert into api_key (name, key_hash, operations, created_by) values (?, ?, ?, ?)")
        .params(name, hash, String.join(",", operations), createdBy)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void revoke(long id) {
    jdbc.sql("update api_key set revoked_at = current_timestamp where id = ? and revoked_at is null").param(id).update();
  }

  private static ApiKey map(ResultSet rs, int row) throws SQLException {
    return new ApiKey(rs.getLong("id"), rs.getString("name"),
        new LinkedHashSet<>(Arrays.asList(rs.getString("operations").split(","))),
        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("revoked_at", OffsetDateTime.class));
  }
}
