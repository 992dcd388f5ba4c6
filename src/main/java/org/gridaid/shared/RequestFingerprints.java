package org.gridaid.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What is stored beside an {@code Idempotency-Key} to tell a retry (the same request) from
 * another request sent under the same key. Keyed ({@link PersonalDataCipher#lookupHash}): these
 * requests hold a resident's or donor's name and phone, which a plain hash would let anyone with
 * the table guess back. Without a key nothing is replayed, so nothing is fingerprinted.
 */
@Component
public class RequestFingerprints {

  private final PersonalDataCipher cipher;
  private final ObjectMapper json;

  RequestFingerprints(PersonalDataCipher cipher, ObjectMapper json) {
    this.cipher = cipher;
    this.json = json;
  }

  /** The fingerprint of {@code request}, made only when there is a key. */
  public String of(String idempotencyKey, Supplier<String> request) {
    return idempotencyKey == null ? null : cipher.lookupHash(request.get());
  }

  /** The fingerprint of a request's body as JSON, made only when there is a key. */
  public String ofJson(String idempotencyKey, Object body) {
    return of(idempotencyKey, () -> {
      try {
        return json.writeValueAsString(body);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("A request body that was read cannot be written back", e);
      }
    });
  }
}
