package org.gridaid.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Instants in and out of {@code timestamp with time zone} columns, null staying null. */
public final class Timestamps {

  private Timestamps() {}

  public static Timestamp of(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
