package org.gridaid.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database written before personal data was encrypted everywhere (up to V8, and up to V27 for
 * the register's addresses and the texts' bodies) is migrated with the application's data key:
 * afterwards the rows hold the same values, encrypted, and none in clear; the repeated-call check
 * finds the caller by the keyed hash of the phone, the register a household by the keyed hash of
 * its address.
 */
@GridAidTest
class PersonalDataMigrationTests {

  static final String PHONE = "13911112222";

  @Autowired
  List<JavaMigration> javaMigrations;
  @Autowired
  PersonalDataCipher cipher;

  @Test
  void rowsWrittenInClearAreEncryptedInPlace() {
    DataSource dataSource = newDataSource();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("8").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    writeTheOldWay(jdbc);

    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).load().migrate();

    Map<String, Object> request = jdbc.sql("select * from help_request where id = 1").query().singleRow();
    assertThat(request.toString()).doesNotContain(PHONE, "李女士", "家里没有降压药了", "中福花园5栋", "王伯");
    assertThat(cipher.decrypt((String) value(request, "caller_phone_enc"))).isEqualTo(PHONE);
    assertThat(value(request, "caller_phone_hash")).isEqualTo(cipher.lookupHash(PHONE));
    assertThat(cipher.decrypt((String) value(request, "description_enc"))).isEqualTo("家里没有降压药了");
    assertThat(cipher.decrypt((String) value(request, "address_enc"))).isEqualTo("中福花园5栋");
    assertThat(jdbc.sql("select detail from help_request_event where help_request_id = 1 order by id")
        .query(String.class).list()).containsExactly("#2", null);
    Map<String, Object> message = jdbc.sql(
        "select * from text_message where owner_type = 'HELP_REQUEST' and owner_id = 1").query().singleRow();
    assertThat(message.toString()).doesNotContain(PHONE);
    assertThat(cipher.decrypt((String) value(message, "phone_enc"))).isEqualTo(PHONE);
    Map<String, Object> household = jdbc.sql("select * from household where id = 1").query().singleRow();
    assertThat(household.toString()).doesNotContain("中福花园");
    assertThat(cipher.decrypt((String) value(household, "address_enc"))).isEqualTo("中福花园5栋101室");
    assertThat(jdbc.sql("select body_enc from text_message").query(String.class).list()).map(cipher::decrypt)
        .containsExactly("【暖心服务热线】您的诉求已受理");
    Map<String, Object> person = jdbc.sql("select * from person where id = 1").query().singleRow();
    assertThat(person.toString()).doesNotContain("高血压", "氨氯地平");
    assertThat(cipher.decrypt((String) value(person, "regular_medicines_enc"))).isEqualTo("氨氯地平");
    Map<String, Object> entry = jdbc.sql("select * from check_in_entry where id = 1").query().singleRow();
    assertThat(entry.toString()).doesNotContain("降压药只剩两天");
    assertThat(cipher.decrypt((String) value(entry, "need_enc"))).isEqualTo("降压药只剩两天");
    assertThat(value(entry, "person_name")).isEqualTo("王伯");
  }

  /**
   * V32 and V33: the households' addresses and the texts' bodies of a database at V27, sent or
   * not, are encrypted in place; a grid still has one household per address, now by its hash.
   */
  @Test
  void addressesOfHouseholdsAndBodiesOfTextsWrittenInClearAreEncryptedInPlace() {
    DataSource dataSource = newDataSource();
    // a database as V27 left it, the last migration before V32 and V33 were written
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).target("27").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("""
        insert into area (code, parent_code, level, name) values ('JH', null, 'DISTRICT', '江海区'),
          ('JH-LL', 'JH', 'STREET', '礼乐街道'), ('JH-LL-ZF', 'JH-LL', 'COMMUNITY', '中福社区'),
          ('JH-LL-ZF-01', 'JH-LL-ZF', 'GRID', '中福社区第1网格'),
          ('JH-LL-ZF-02', 'JH-LL-ZF', 'GRID', '中福社区第2网格')""").update();
    jdbc.sql("""
        insert into household (grid_code, address, phone_enc, phone_hash, size, recipient_group)
        values ('JH-LL-ZF-02', '中福花园5栋101室', ?, ?, 2, 'ORDINARY'),
          ('JH-LL-ZF-02', '中福花园5栋102室', null, null, 1, 'HARDSHIP'),
          ('JH-LL-ZF-01', '中福花园5栋101室', null, null, 3, 'ORDINARY')""")
        .params(cipher.encrypt(PHONE), cipher.lookupHash(PHONE)).update();
    jdbc.sql("""
        insert into person (household_id, name, flags) values (1, '王伯', 'ELDERLY_ALONE')""").update();
    jdbc.sql("""
        insert into text_message (owner_type, owner_id, phone_enc, kind, body, status, attempts, created_at, sent_at)
        values ('DONATION', 7, ?, 'THANKS', '陈女士, 您捐赠的60778.13元已到账, 谢谢您!', 'SENT', 1, current_timestamp,
            current_timestamp),
          ('HELP_REQUEST', 1, ?, 'RECEIVED', '您的诉求(查询码 HR0000000001)已受理', 'PENDING', 0, current_timestamp,
            null)""").params(cipher.encrypt(PHONE), cipher.encrypt(PHONE)).update();

    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).load().migrate();

    List<Map<String, Object>> households = jdbc.sql("select * from household order by id").query().listOfRows();
    assertThat(households).hasSize(3).allSatisfy(row -> assertThat(row.toString()).doesNotContain("中福花园", PHONE));
    assertThat(households).extracting(row -> cipher.decrypt((String) value(row, "address_enc")))
        .containsExactly("中福花园5栋101室", "中福花园5栋102室", "中福花园5栋101室");
    assertThat(households).extracting(row -> value(row, "address_hash")).containsExactly(
        cipher.lookupHash("中福花园5栋101室"), cipher.lookupHash("中福花园5栋102室"), cipher.lookupHash("中福花园5栋101室"));
    assertThat(households).extracting(row -> cipher.decrypt((String) value(row, "phone_enc")))
        .containsExactly(PHONE, null, null);
    assertThat(jdbc.sql("select id from household where grid_code = 'JH-LL-ZF-02' and address_hash = ?")
        .param(cipher.lookupHash("中福花园5栋102室")).query(Long.class).list()).containsExactly(2L);
    assertThatThrownBy(() -> jdbc.sql("""
        insert into household (grid_code, address_enc, address_hash, size, recipient_group)
        values ('JH-LL-ZF-02', ?, ?, 1, 'ORDINARY')""")
        .params(cipher.encrypt("中福花园5栋101室"), cipher.lookupHash("中福花园5栋101室")).update())
        .as("one household per address of a grid").isInstanceOf(DataIntegrityViolationException.class);

    List<Map<String, Object>> texts = jdbc.sql("select * from text_message order by id").query().listOfRows();
    assertThat(texts).hasSize(2).allSatisfy(row -> assertThat(row.toString())
        .doesNotContain(PHONE, "陈女士", "60778.13", "HR0000000001", "已受理"));
    assertThat(texts).extracting(row -> cipher.decrypt((String) value(row, "body_enc")))
        .containsExactly("陈女士, 您捐赠的60778.13元已到账, 谢谢您!", "您的诉求(查询码 HR0000000001)已受理");
    assertThat(texts).extracting(row -> value(row, "status")).containsExactly("SENT", "PENDING");
  }

  private static DataSource newDataSource() {
    Map<String, Object> database = TestDatabaseInitializer.newDatabase();
    return DataSourceBuilder.create().url((String) database.get("spring.datasource.url"))
        .username((String) database.get("spring.datasource.username"))
        .password((String) database.get("spring.datasource.password")).build();
  }

  /** Column names as H2 (upper case) or PostgreSQL (lower case) report them. */
  private static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
  }

  private static void writeTheOldWay(JdbcClient jdbc) {
    jdbc.sql("""
        insert into area (code, parent_code, level, name) values ('JH', null, 'DISTRICT', '江海区'),
          ('JH-LL', 'JH', 'STREET', '礼乐街道'), ('JH-LL-ZF', 'JH-LL', 'COMMUNITY', '中福社区'),
          ('JH-LL-ZF-02', 'JH-LL-ZF', 'GRID', '中福社区第2网格')""").update();
    jdbc.sql("""
        insert into help_request (tracking_code, status, caller_name, caller_phone, address, grid_code, category,
          description, affected_person, channel, received_at, submitted_by)
        values ('HR0000000001', 'ASSIGNED', '李女士', ?, '中福花园5栋', 'JH-LL-ZF-02', 'MEDICINE', '家里没有降压药了',
          '王伯', 'HOTLINE', current_timestamp, 'hotline-01'),
          ('HR0000000002', 'LINKED', '李女士', ?, '中福花园5栋', 'JH-LL-ZF-02', 'MEDICINE', '还是没有药',
          '王伯', 'HOTLINE', current_timestamp, 'hotline-01')""").params(PHONE, PHONE).update();
    jdbc.sql("""
        insert into help_request_event (help_request_id, occurred_at, type, actor, detail)
        values (1, current_timestamp, 'DUPLICATE_LINKED', 'hotline-01', '#2: 还是没有药'),
          (1, current_timestamp, 'AWAITING_GRID', 'system', '中福花园5栋')""").update();
    jdbc.sql("""
        insert into resident_message (help_request_id, phone, template, body, status, created_at)
        values (1, ?, 'RECEIVED', '【暖心服务热线】您的诉求已受理', 'PENDING', current_timestamp)""").param(PHONE).update();
    jdbc.sql("""
        insert into household (grid_code, address, size, recipient_group) values ('JH-LL-ZF-02', '中福花园5栋101室', 1,
          'ORDINARY')""").update();
    jdbc.sql("""
        insert into person (household_id, name, flags, chronic_conditions, regular_medicines, check_in_every_days)
        values (1, '王伯', 'ELDERLY_ALONE,CHRONIC_ILLNESS', '高血压', '氨氯地平', 1)""").update();
    jdbc.sql("""
        insert into check_in_round (grid_code, check_day, day_number, status, created_at)
        values ('JH-LL-ZF-02', date '2026-11-20', 20777, 'COMPLETED', current_timestamp)""").update();
    jdbc.sql("""
        insert into check_in_entry (round_id, person_id, outcome, need, recorded_by, recorded_at, help_request_id)
        values (1, 1, 'NEEDS_HELP', '降压药只剩两天', 'grid-lile-zhongfu-02', current_timestamp, 1)""").update();
  }
}
