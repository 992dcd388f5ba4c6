package org.gridaid.shared.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.gridaid.shared.PersonalDataCipher;

/**
 * Steps of Flyway Java migrations that plain SQL cannot take on both H2 and PostgreSQL:
 * encrypting the personal data of existing rows with the data key, and dropping foreign keys
 * whose generated names differ between the two.
 */
public final class MigrationSteps {

  private static final int CHUNK = 1_000;

  private MigrationSteps() {}

  /**
   * Encrypts {@code plainColumn} of every row into {@code encryptedColumn}, and writes the keyed
   * hash of the normalised value into {@code hashColumn} when one is given. The rows are read a
   * thousand at a time by id, so a table of any size fits in memory.
   *
   * @param normalise how a value is normalised before hashing (a phone: its digits)
   */
  public static void encrypt(Connection connection, PersonalDataCipher cipher, String table, String plainColumn,
      String encryptedColumn, String hashColumn, UnaryOperator<String> normalise) throws SQLException {
    String update = "update " + table + " set " + encryptedColumn + " = ?"
        + (hashColumn == null ? "" : ", " + hashColumn + " = ?") + " where id = ?";
    long after = Long.MIN_VALUE;
    while (true) {
      List<Object[]> rows = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("select id, " + plainColumn + " from " + table
          + " where id > ? and " + plainColumn + " is not null order by id fetch first " + CHUNK + " rows only")) {
        select.setLong(1, after);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            rows.add(new Object[] {rs.getLong(1), rs.getString(2)});
          }
        }
      }
      if (rows.isEmpty()) {
        return;
      }
      try (PreparedStatement write = connection.prepareStatement(update)) {
        for (Object[] row : rows) {
          String plain = (String) row[1];
          int i = 1;
          write.setString(i++, cipher.encrypt(plain));
          if (hashColumn != null) {
            write.setString(i++, cipher.lookupHash(normalise.apply(plain)));
          }
          write.setLong(i, (Long) row[0]);
          write.addBatch();
        }
        write.executeBatch();
      }
      after = (Long) rows.get(rows.size() - 1)[0];
    }
  }

  /** Drops every foreign key of {@code table} that references {@code referencedTable}. */
  public static void dropForeignKeys(Connection connection, String table, String referencedTable)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> names = new ArrayList<>();
    for (String name : List.of(table, table.toUpperCase())) {
      try (ResultSet keys = meta.getImportedKeys(null, null, name)) {
        while (keys.next()) {
          if (referencedTable.equalsIgnoreCase(keys.getString("PKTABLE_NAME"))
              && !names.contains(keys.getString("FK_NAME"))) {
            names.add(keys.getString("FK_NAME"));
          }
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      for (String name : names) {
        statement.execute("alter table " + table + " drop constraint " + name);
      }
    }
  }

  public static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
