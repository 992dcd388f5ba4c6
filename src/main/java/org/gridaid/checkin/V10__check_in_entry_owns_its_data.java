package org.gridaid.checkin;

import java.sql.Connection;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.migration.Context;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.EncryptingMigration;
import org.gridaid.shared.jdbc.MigrationSteps;
import org.springframework.stereotype.Component;

/**
 * After V9: a check-in entry no longer holds foreign keys into the register's and the hotline's
 * tables (it keeps their ids; the modules talk through their APIs and events), and the need a
 * worker wrote down is encrypted like every other piece of personal data.
 */
@Component
class V10__check_in_entry_owns_its_data extends EncryptingMigration {

  V10__check_in_entry_owns_its_data(PersonalDataCipher cipher) {
    super(cipher);
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    MigrationSteps.dropForeignKeys(connection, "check_in_entry", "person");
    MigrationSteps.dropForeignKeys(connection, "check_in_entry", "help_request");
    MigrationSteps.encrypt(connection, cipher, "check_in_entry", "need", "need_enc", null, UnaryOperator.identity());
    MigrationSteps.execute(connection, "alter table check_in_entry drop column need");
  }
}
