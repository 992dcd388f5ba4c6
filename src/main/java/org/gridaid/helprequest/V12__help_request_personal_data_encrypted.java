package org.gridaid.helprequest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.migration.Context;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.EncryptingMigration;
import org.gridaid.shared.jdbc.MigrationSteps;
import org.springframework.stereotype.Component;

/**
 * The caller's name, phone, address, what they said and who it is about, and the phone a
 * message goes to, are encrypted at rest like the register's, with a keyed hash of the phone
 * for the repeated-call check; existing rows are encrypted in place. Timeline entries written
 * before kept a repeated call's description and an unmatched address in clear: those details
 * are cut back to the case number and removed.
 */
@Component
class V12__help_request_personal_data_encrypted extends EncryptingMigration {

  V12__help_request_personal_data_encrypted(PersonalDataCipher cipher) {
    super(cipher);
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    MigrationSteps.execute(connection,
        // Base64 of AES-GCM: about 4/3 of the UTF-8 bytes (3 a Chinese character) plus 40
        "alter table help_request add column caller_name_enc varchar(300)",
        "alter table help_request add column caller_phone_enc varchar(200)",
        "alter table help_request add column caller_phone_hash varchar(64)",
        "alter table help_request add column address_enc varchar(1000)",
        "alter table help_request add column description_enc varchar(8100)",
        "alter table help_request add column affected_person_enc varchar(1000)",
        "alter table resident_message add column phone_enc varchar(200)");
    UnaryOperator<String> same = UnaryOperator.identity();
    MigrationSteps.encrypt(connection, cipher, "help_request", "caller_name", "caller_name_enc", null, same);
    // phones were stored normalised: their hash is the one intake computes
    MigrationSteps.encrypt(connection, cipher, "help_request", "caller_phone", "caller_phone_enc",
        "caller_phone_hash", same);
    MigrationSteps.encrypt(connection, cipher, "help_request", "address", "address_enc", null, same);
    MigrationSteps.encrypt(connection, cipher, "help_request", "description", "description_enc", null, same);
    MigrationSteps.encrypt(connection, cipher, "help_request", "affected_person", "affected_person_enc", null, same);
    MigrationSteps.encrypt(connection, cipher, "resident_message", "phone", "phone_enc", null, same);
    cutTimelineDetails(connection);
    MigrationSteps.execute(connection,
        "drop index help_request_open_by_phone_idx",
        "alter table help_request drop column caller_name",
        "alter table help_request drop column caller_phone",
        "alter table help_request drop column address",
        "alter table help_request drop column description",
        "alter table help_request drop column affected_person",
        "alter table help_request alter column caller_name_enc set not null",
        "alter table help_request alter column caller_phone_enc set not null",
        "alter table help_request alter column caller_phone_hash set not null",
        "alter table help_request alter column description_enc set not null",
        "create index help_request_open_by_phone_idx on help_request (caller_phone_hash, category, status)",
        "alter table resident_message drop column phone",
        "alter table resident_message alter column phone_enc set not null");
  }

  private static void cutTimelineDetails(Connection connection) throws Exception {
    MigrationSteps.execute(connection,
        "update help_request_event set detail = null where type = 'AWAITING_GRID'");
    try (PreparedStatement select = connection.prepareStatement(
            "select id, detail from help_request_event where type = 'DUPLICATE_LINKED' and detail like '#%:%'");
        PreparedStatement update = connection.prepareStatement(
            "update help_request_event set detail = ? where id = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String detail = rows.getString(2);
        update.setString(1, detail.substring(0, detail.indexOf(':')));
        update.setLong(2, rows.getLong(1));
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
