package org.gridaid.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTests {

  static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  final PersonalDataCipher cipher = new PersonalDataCipher(KEY);

  @Test
  void aValueComesBackAndIsNeverStoredTheSameWayTwice() {
    String stored = cipher.encrypt("13812345678");

    assertThat(stored).doesNotContain("13812345678").isNotEqualTo(cipher.encrypt("13812345678"));
    assertThat(cipher.decrypt(stored)).isEqualTo("13812345678");
  }

  @Test
  void theLookupHashIsStableButDependsOnTheKey() {
    String other = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    assertThat(cipher.lookupHash("13812345678")).isEqualTo(cipher.lookupHash("13812345678"))
        .isNotEqualTo(new PersonalDataCipher(other).lookupHash("13812345678"));
  }

  @Test
  void withoutAProperKeyTheApplicationDoesNotStart() {
    assertThatThrownBy(() -> new PersonalDataCipher("")).hasMessageContaining("GRIDAID_DATA_KEY");
    assertThatThrownBy(() -> new PersonalDataCipher("c2hvcnQ=")).hasMessageContaining("32 random bytes");
  }

  @Test
  void dataWrittenWithAnotherKeyIsNotReadAsIfItWereRight() {
    String other = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    String stored = new PersonalDataCipher(other).encrypt("440704194601011234");

    assertThatThrownBy(() -> cipher.decrypt(stored)).hasMessageContaining("GRIDAID_DATA_KEY");
  }
}
