package org.gridaid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the engine API's password check ({@code POST .../identity/verify}, on /engine-rest and
 * on the webapps' engine API). It tells any signed-in staff member whether any user's password
 * is right, past {@link SignInThrottle}: a guessing service. Neither the webapps nor anything
 * else here uses it; people sign in instead.
 */
class ClosedPasswordCheckFilter extends OncePerRequestFilter {

  /** Matched on the decoded path, as the engine API routes it; the default engine and named ones. */
  private static final RequestMatcher PASSWORD_CHECK = new OrRequestMatcher(
      PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/identity/verify/**"),
      PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/engine/*/identity/verify/**"),
      PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/engine/engine/*/identity/verify/**"));

  private final ProblemResponses problems;

  ClosedPasswordCheckFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !PASSWORD_CHECK.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    problems.forbidden(request, response, "The engine API does not check passwords; sign in instead.");
  }
}
