package org.gridaid.apikey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridaid.shared.Sha256;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks keys. Keys are 256 random bits, so an unsalted SHA-256 is enough to
 * store them safely and still find a key by its hash in one indexed look-up.
 */
@Service
public class ApiKeyService {

  private static final SecureRandom RANDOM = new SecureRandom();
  static final String PREFIX = "gak_";

  private final ApiKeys keys;
  private final Set<String> known;

  ApiKeyService(ApiKeys keys, List<ApiOperations> operations) {
    this.keys = keys;
    this.known = operations.stream().flatMap(module -> module.names().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The operations a key may call, with {@link ApiOperations#ALL} spelt out. */
  public Set<String> effectiveOperations(ApiKey key) {
    return key.operations().contains(ApiOperations.ALL) ? known : key.operations();
  }

  /** A new key: the returned secret is shown once and cannot be recovered. */
  public record IssuedKey(ApiKey key, String secret) {}

  @Transactional
  public IssuedKey issue(String name, Set<String> operations, String createdBy) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    return new IssuedKey(register(name, secret, operations, createdBy), secret);
  }

  /** Stores a key whose secret the caller chose (the demo key); same rules as issued keys. */
  @Transactional
  public ApiKey register(String name, String secret, Set<String> operations, String createdBy) {
    List<String> unknown = operations.stream()
        .filter(op -> !op.equals(ApiOperations.ALL) && !known.contains(op))
        .toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("operations", "unknown operations " + unknown + "; known: "
          + known.stream().sorted().toList() + " or '*'");
    }
    if (keys.findByName(name).isPresent()) {
      throw new ConflictException("An API key named '" + name + "' already exists");
    }
    long id = keys.insert(name, hash(secret), operations, createdBy);
    return keys.find(id).orElseThrow();
  }

  public Optional<ApiKey> authenticate(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      return Optional.empty();
    }
    return keys.findActiveByHash(hash(secret));
  }

  public Optional<ApiKey> findByName(String name) {
    return keys.findByName(name);
  }

  public List<ApiKey> list() {
    return keys.findAll();
  }

  @Transactional
  public void revoke(long id) {
    keys.find(id).orElseThrow(() -> new NotFoundException("API key", String.valueOf(id)));
    keys.revoke(id);
  }

  static String hash(String secret) {
    return Sha256.hex(secret);
  }
}
