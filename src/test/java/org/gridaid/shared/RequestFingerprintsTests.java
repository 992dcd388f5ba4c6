package org.gridaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestFingerprintsTests {

  final RequestFingerprints fingerprints =
      new RequestFingerprints(new PersonalDataCipher(PersonalDataCipherTests.KEY), new ObjectMapper());

  @Test
  void aRetryHasTheSameFingerprintAnotherRequestAnotherAndNoneIsReadableOrMadeWithoutAKey() {
    String request = "李女士|13812345678";

    assertThat(fingerprints.of("key-1", () -> request)).isEqualTo(fingerprints.of("key-1", () -> request))
        .isNotEqualTo(fingerprints.of("key-1", () -> "李女士|13812345679"))
        .isNotEqualTo(Sha256.hex(request)).doesNotContain("13812345678");
    assertThat(fingerprints.of(null, () -> {
      throw new AssertionError("no key, nothing to fingerprint");
    })).isNull();
    assertThat(fingerprints.ofJson("key-1", Map.of("callerPhone", "13812345678")))
        .isEqualTo(fingerprints.of("key-1", () -> "{\"callerPhone\":\"13812345678\"}"));
  }
}
