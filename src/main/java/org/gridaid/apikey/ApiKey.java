package org.gridaid.apikey;

import java.time.OffsetDateTime;
import java.util.Set;

/** A key as stored: its hash never leaves the module, the key itself is never stored. */
public record ApiKey(long id, String name, Set<String> operations, String createdBy, OffsetDateTime createdAt,
    OffsetDateTime revokedAt) {
}
