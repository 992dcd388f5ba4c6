package org.gridaid.register;

import java.sql.Connection;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.migration.Context;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.EncryptingMigration;
import org.gridaid.shared.jdbc.MigrationSteps;
import org.springframework.stereotype.Component;

/**
 * A person's chronic conditions and regular medicines are health data: encrypted at rest like
 * their phone and ID number (existing rows in place). Nothing searches by them.
 */
@Component
class V13__register_health_data_encrypted extends EncryptingMigration {

  V13__register_health_data_encrypted(PersonalDataCipher cipher) {
    super(cipher);
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    MigrationSteps.execute(connection,
        "alter table person add column chronic_conditions_enc varchar(2100)",
        "alter table person add column regular_medicines_enc varchar(2100)");
    MigrationSteps.encrypt(connection, cipher, "person", "chronic_conditions", "chronic_conditions_enc", null,
        UnaryOperator.identity());
    MigrationSteps.encrypt(connection, cipher, "person", "regular_medicines", "regular_medicines_enc", null,
        UnaryOperator.identity());
    MigrationSteps.execute(connection,
        "alter table person drop column chronic_conditions",
        "alter table person drop column regular_medicines");
  }
}
