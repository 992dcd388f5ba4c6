package org.gridaid.messaging;

import java.sql.Connection;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.migration.Context;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.EncryptingMigration;
import org.gridaid.shared.jdbc.MigrationSteps;
import org.springframework.stereotype.Component;

/**
 * A text message's body is personal data: a donor's thanks names them beside the phone it goes
 * to, a help request's carries the case's tracking code. Encrypted at rest like the phone
 * (existing rows in place, sent or not: the outbox keeps them). Nothing looks a message up by
 * its body, so there is no hash.
 */
@Component
class V33__text_message_body_encrypted extends EncryptingMigration {

  V33__text_message_body_encrypted(PersonalDataCipher cipher) {
    super(cipher);
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    // 500 characters, up to 4 bytes each in UTF-8, plus nonce and tag, in Base64: at most 2,704
    MigrationSteps.execute(connection, "alter table text_message add column body_enc varchar(2800)");
    MigrationSteps.encrypt(connection, cipher, "text_message", "body", "body_enc", null, UnaryOperator.identity());
    MigrationSteps.execute(connection,
        "alter table text_message drop column body",
        "alter table text_message alter column body_enc set not null");
  }
}
