package org.gridaid.security;

/**
 * Authorities as controllers check them in {@code @PreAuthorize}: staff hold ROLE_STAFF
 * (and ROLE_ADMIN in camunda-admin); an API key holds {@code api:<operation>} for each
 * operation it is allowed.
 */
public final class Access {

  private Access() {}

  /** The authority an API key holds for an operation, as in {@code hasAuthority(...)}. */
  public static String operationAuthority(String operation) {
    return "api:" + operation;
  }
}
