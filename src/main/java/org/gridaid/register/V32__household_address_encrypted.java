package org.gridaid.register;

import java.sql.Connection;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.migration.Context;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.EncryptingMigration;
import org.gridaid.shared.jdbc.MigrationSteps;
import org.springframework.stereotype.Component;

/**
 * A household's address is personal data: encrypted at rest like its phone (existing rows in
 * place), with the keyed hash of the address as stored (trimmed, nothing else changed) beside
 * it. A grid still has one household per address: the unique key is on the hash now, and the
 * import and the forms find a household by it. Persons have no address of their own.
 */
@Component
class V32__household_address_encrypted extends EncryptingMigration {

  V32__household_address_encrypted(PersonalDataCipher cipher) {
    super(cipher);
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    MigrationSteps.execute(connection,
        // 200 characters, up to 4 bytes each in UTF-8, plus nonce and tag, in Base64: at most 1,104
        "alter table household add column address_enc varchar(1200)",
        "alter table household add column address_hash varchar(64)");
    MigrationSteps.encrypt(connection, cipher, "household", "address", "address_enc", "address_hash",
        UnaryOperator.identity());
    MigrationSteps.execute(connection,
        "alter table household drop constraint household_address_unique",
        "alter table household drop column address",
        "alter table household alter column address_enc set not null",
        "alter table household alter column address_hash set not null",
        "alter table household add constraint household_address_unique unique (grid_code, address_hash)");
  }
}
