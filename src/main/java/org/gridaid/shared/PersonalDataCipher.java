package org.gridaid.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest: AES-256-GCM with a random nonce per value, and a keyed hash
 * (HMAC-SHA256) of the normalised value so that look-ups and duplicate checks never need
 * the plain text. The key comes from GRIDAID_DATA_KEY (32 bytes, base64); the demo profile
 * has a demo key.
 */
@Component
public class PersonalDataCipher {

  private static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Looking a cipher up costs more than using it: one per thread, initialised anew for each value. */
  private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  });
  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec lookupKey;

  @Autowired
  PersonalDataCipher(GridAidSettings settings) {
    this(settings.dataKey());
  }

  public PersonalDataCipher(String base64Key) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length != 32) {
      throw new IllegalStateException("GRIDAID_DATA_KEY must be 32 random bytes in base64 (e.g. `openssl rand "
          + "-base64 32`): it encrypts phones and ID numbers at rest.");
    }
    encryptionKey = new SecretKeySpec(key, "AES");
    lookupKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "lookup"), "HmacSHA256");
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = AES_GCM.get();
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt", e);
    }
  }

  public String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored);
      Cipher cipher = AES_GCM.get();
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot decrypt: is GRIDAID_DATA_KEY the key the data was written with?", e);
    }
  }

  /** The same value always gives the same hash; without the key it cannot be reversed or guessed. */
  public String lookupHash(String plain) {
    return plain == null ? null : HexFormat.of().formatHex(hmac(lookupKey, plain));
  }

  private static byte[] hmac(SecretKeySpec key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
