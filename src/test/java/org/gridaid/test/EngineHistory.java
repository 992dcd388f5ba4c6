package org.gridaid.test;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything the engine's history keeps, read as text: every column of every ACT_HI_* table
 * and the history's byte arrays (serialized values of ACT_GE_BYTEARRAY, type 3).
 */
public final class EngineHistory {

  private static final int HISTORY_BYTES = 3;

  private final JdbcClient jdbc;

  public EngineHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** "table.column: value" for each value that contains one of the texts. */
  public List<String> textsContaining(List<String> texts) {
    List<String> tables = jdbc.sql("select table_name from information_schema.tables"
        + " where upper(table_name) like 'ACT_HI_%'").query(String.class).list();
    assertFound(tables);
    List<String> found = new ArrayList<>();
    for (String table : tables) {
      jdbc.sql("select * from " + table).query((ResultSet row) -> collect(table, row, texts, found));
    }
    jdbc.sql("select * from act_ge_bytearray where type_ = ?").param(HISTORY_BYTES)
        .query((ResultSet row) -> collect("ACT_GE_BYTEARRAY", row, texts, found));
    return found;
  }

  private static void assertFound(List<String> tables) {
    if (tables.stream().noneMatch(t -> t.toUpperCase(Locale.ROOT).equals("ACT_HI_DETAIL"))) {
      throw new IllegalStateException("no history tables found: " + tables);
    }
  }

  private static void collect(String table, ResultSet row, List<String> texts, List<String> found)
      throws SQLException {
    ResultSetMetaData columns = row.getMetaData();
    for (int column = 1; column <= columns.getColumnCount(); column++) {
      Object value = row.getObject(column);
      String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
          : value instanceof java.sql.Blob blob ? new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8)
          : value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length())
          : String.valueOf(value);
      for (String searched : texts) {
        if (text.contains(searched)) {
          found.add(table + "." + columns.getColumnName(column) + ": " + text);
        }
      }
    }
  }
}
