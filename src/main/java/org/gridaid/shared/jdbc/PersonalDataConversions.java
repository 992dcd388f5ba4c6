package org.gridaid.shared.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gridaid.shared.Encrypted;
import org.gridaid.shared.PersonalDataCipher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.CustomConversions;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcSimpleTypes;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC as the aggregates need it. Its conversions, with the dialect's own as Spring Boot would configure them,
 * plus: {@link Encrypted} values are encrypted into their column and decrypted out of it, and
 * a {@code timestamp with time zone} that H2 hands back as OffsetDateTime reads as an Instant.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConversions {

  /**
   * Table and column names as the migrations write them, unquoted: H2 and PostgreSQL then fold
   * them alike (quoted, H2 would look for a lower-case table it does not have).
   */
  @Bean
  static BeanPostProcessor unquotedNames() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof RelationalMappingContext mapping) {
          mapping.setForceQuote(false);
        }
        return bean;
      }
    };
  }

  @Bean
  JdbcCustomConversions jdbcCustomConversions(Dialect dialect, PersonalDataCipher cipher) {
    SimpleTypeHolder simpleTypes = dialect.simpleTypes().isEmpty() ? JdbcSimpleTypes.HOLDER
        : new SimpleTypeHolder(dialect.simpleTypes(), JdbcSimpleTypes.HOLDER);
    List<Object> storeConverters = new ArrayList<>(dialect.getConverters());
    storeConverters.addAll(JdbcCustomConversions.storeConverters());
    return new JdbcCustomConversions(CustomConversions.StoreConversions.of(simpleTypes, storeConverters),
        List.of(new EncryptOnWrite(cipher), new DecryptOnRead(cipher), new OffsetDateTimeToInstant()));
  }

  @WritingConverter
  record EncryptOnWrite(PersonalDataCipher cipher) implements Converter<Encrypted, String> {
    @Override
    public String convert(Encrypted source) {
      return cipher.encrypt(source.value());
    }
  }

  @ReadingConverter
  record DecryptOnRead(PersonalDataCipher cipher) implements Converter<String, Encrypted> {
    @Override
    public Encrypted convert(String source) {
      return new Encrypted(cipher.decrypt(source));
    }
  }

  @ReadingConverter
  static final class OffsetDateTimeToInstant implements Converter<OffsetDateTime, Instant> {
    @Override
    public Instant convert(OffsetDateTime source) {
      return source.toInstant();
    }
  }
}
