package org.gridaid.apikey;

import java.util.Set;

/**
 * The operations an outside system can be allowed. A controller names the operation it
 * serves as {@code hasAuthority('api:<operation>')}; a key holding {@link #ALL_OPERATIONS}
 * may do every one of them.
 */
public final class ApiOperations {

  public static final String AREAS_READ = "areas:read";
  public static final String AREAS_RESOLVE = "areas:resolve";
  public static final String HELP_REQUESTS_CREATE = "help-requests:create";
  public static final String HELP_REQUESTS_READ = "help-requests:read";
  public static final String HELP_REQUESTS_CANCEL = "help-requests:cancel";
  public static final String ALL_OPERATIONS = "*";

  public static final Set<String> KNOWN = Set.of(AREAS_READ, AREAS_RESOLVE, HELP_REQUESTS_CREATE,
      HELP_REQUESTS_READ, HELP_REQUESTS_CANCEL);

  private ApiOperations() {}
}
