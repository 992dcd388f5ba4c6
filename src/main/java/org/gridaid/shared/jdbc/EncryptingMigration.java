package org.gridaid.shared.jdbc;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.gridaid.shared.PersonalDataCipher;

/**
 * A Flyway Java migration that needs the data key: declared as a Spring bean of its module
 * (Spring Boot hands such beans to Flyway), named {@code V<n>__<what>} like any migration.
 */
public abstract class EncryptingMigration extends BaseJavaMigration {

  protected final PersonalDataCipher cipher;

  protected EncryptingMigration(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }
}
