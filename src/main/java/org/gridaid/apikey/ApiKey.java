package org.gridaid.apikey;

import java.time.OffsetDateTime;
import java.util.Set;

/** A key as stored: its hash never leaves the module, the key itself is never stored. */
public record ApiKey(long id, String name, Set<String> operations, String createdBy, OffsetDateTime createdAt,
    OffsetDateTime revokedAt) {

  public boolean allows(String operation) {
    return operations.contains(ApiOperations.ALL_OPERATIONS) || operations.contains(operation);
  }

  /** The operations this key may call, with the wildcard spelt out. */
  public Set<String> effectiveOperations() {
    return operations.contains(ApiOperations.ALL_OPERATIONS) ? ApiOperations.KNOWN : operations;
  }
}
