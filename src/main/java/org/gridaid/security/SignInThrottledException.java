package org.gridaid.security;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords from this client address (for this account): answered with 429 and Retry-After. */
class SignInThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  SignInThrottledException(long retryAfterSeconds) {
    super("Too many failed sign-ins; try again in " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
