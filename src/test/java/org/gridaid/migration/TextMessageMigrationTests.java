package org.gridaid.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.test.GridAidTest;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V21 moves the help request's messages (resident_message) into the messaging module's
 * text_message: every row, under owner HELP_REQUEST, in the order they were queued, which is
 * the order they go out in; the old table is gone. (V33 then encrypts the bodies.)
 */
@GridAidTest
class TextMessageMigrationTests {

  static final String PHONE = "13911113333";
  static final Instant QUEUED = Instant.parse("2026-11-20T01:00:00Z");

  @Autowired
  List<JavaMigration> javaMigrations;
  @Autowired
  PersonalDataCipher cipher;

  record Row(String ownerType, long ownerId, String phone, String kind, String body, String status, int attempts,
      Instant createdAt, boolean sent, String lastError) {}

  @Test
  void everyResidentMessageBecomesATextMessageOfItsHelpRequestInTheSameOrder() {
    Map<String, Object> database = TestDatabaseInitializer.newDatabase();
    DataSource dataSource = DataSourceBuilder.create().url((String) database.get("spring.datasource.url"))
        .username((String) database.get("spring.datasource.username"))
        .password((String) database.get("spring.datasource.password")).build();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("8").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    writeTwoCasesWithTheirMessages(jdbc);

    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).load().migrate();

    List<Row> rows = jdbc.sql("select * from text_message order by id").query((rs, n) -> new Row(
        rs.getString("owner_type"), rs.getLong("owner_id"), cipher.decrypt(rs.getString("phone_enc")),
        rs.getString("kind"), cipher.decrypt(rs.getString("body_enc")), rs.getString("status"),
        rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("sent_at") != null,
        rs.getString("last_error")))
        .list();
    assertThat(rows).containsExactly(
        new Row("HELP_REQUEST", 1, PHONE, "RECEIVED", "您的诉求已受理", "SENT", 1, QUEUED, true, null),
        new Row("HELP_REQUEST", 2, PHONE, "RECEIVED", "您的诉求已受理", "PENDING", 0, QUEUED.plusSeconds(1), false, null),
        new Row("HELP_REQUEST", 1, PHONE, "ASSIGNED", "已派给网格员", "FAILED", 6, QUEUED.plusSeconds(2), false,
            "gateway down"),
        new Row("HELP_REQUEST", 1, PHONE, "HANDLED", "已处置", "PENDING", 2, QUEUED.plusSeconds(3), false, "timeout"));
    assertThat(jdbc.sql("select * from text_message").query().listOfRows())
        .allSatisfy(row -> assertThat(row.toString()).doesNotContain(PHONE, "您的诉求已受理", "已派给网格员"));
    assertThat(jdbc.sql("select count(*) from information_schema.tables where lower(table_name) = 'resident_message'")
        .query(Long.class).single()).isZero();

    jdbc.sql("""
        insert into text_message (owner_type, owner_id, phone_enc, kind, body_enc, status, created_at)
        values ('MEDICINE_DELIVERY', 1, 'x', 'READY', 'y', 'PENDING', current_timestamp)""").update();
    assertThat(jdbc.sql("select owner_type from text_message order by id desc").query(String.class).list())
        .as("new messages come after the copied ones").first().isEqualTo("MEDICINE_DELIVERY");
  }

  /** Two cases at V8, their messages queued in turn (phones in clear; V12 encrypts them). */
  private static void writeTwoCasesWithTheirMessages(JdbcClient jdbc) {
    jdbc.sql("""
        insert into area (code, parent_code, level, name) values ('JH', null, 'DISTRICT', '江海区'),
          ('JH-LL', 'JH', 'STREET', '礼乐街道'), ('JH-LL-ZF', 'JH-LL', 'COMMUNITY', '中福社区'),
          ('JH-LL-ZF-02', 'JH-LL-ZF', 'GRID', '中福社区第2网格')""").update();
    jdbc.sql("""
        insert into help_request (tracking_code, status, caller_name, caller_phone, address, grid_code, category,
          description, channel, received_at, submitted_by)
        values ('HR0000000001', 'IN_PROGRESS', '李女士', ?, '中福花园5栋', 'JH-LL-ZF-02', 'MEDICINE', '家里没有降压药了',
          'HOTLINE', current_timestamp, 'hotline-01'),
          ('HR0000000002', 'RECEIVED', '李女士', ?, '中福花园5栋', null, 'QUESTION', '问一下',
          'HOTLINE', current_timestamp, 'hotline-01')""").params(PHONE, PHONE).update();
    message(jdbc, 1, "RECEIVED", "您的诉求已受理", "SENT", 1, 0, null);
    message(jdbc, 2, "RECEIVED", "您的诉求已受理", "PENDING", 0, 1, null);
    message(jdbc, 1, "ASSIGNED", "已派给网格员", "FAILED", 6, 2, "gateway down");
    message(jdbc, 1, "HANDLED", "已处置", "PENDING", 2, 3, "timeout");
  }

  private static void message(JdbcClient jdbc, long helpRequestId, String template, String body, String status,
      int attempts, int second, String lastError) {
    Instant queued = QUEUED.plusSeconds(second);
    jdbc.sql("""
        insert into resident_message (help_request_id, phone, template, body, status, attempts, last_error,
          created_at, sent_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(helpRequestId, PHONE, template, body, status, attempts, lastError, Timestamp.from(queued),
            "SENT".equals(status) ? Timestamp.from(queued.plusSeconds(5)) : null)
        .update();
  }
}
