package org.gridaid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import org.gridaid.shared.web.ReplayableRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' own sign-in form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * answered by Camunda's webapp) goes through {@link SignInThrottle} like HTTP Basic: the throttle
 * is asked for a try for the user name of the form before Camunda checks the password, and the
 * try is spent when Camunda answers 401 (its only answer to a wrong user or password). A
 * throttled sign-in gets 429 with a message the sign-in page shows.
 *
 * <p>The form is read here and handed on as it came: the webapp reads its fields from the body
 * again. A sign-in form is a few dozen bytes; a bigger body is refused rather than let through
 * unthrottled.
 */
class WebappSignInThrottleFilter extends OncePerRequestFilter {

  /** Matched on the decoded path, as the webapp routes it: an encoded letter does not slip past. */
  private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
      .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/**");
  static final int MAX_FORM_BYTES = 16 * 1024;

  private final SignInThrottle throttle;
  private final ProblemResponses problems;

  WebappSignInThrottleFilter(SignInThrottle throttle, ProblemResponses problems) {
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !SIGN_IN.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] form = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
    if (form.length > MAX_FORM_BYTES) {
      response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
      return;
    }
    Charset charset = ReplayableRequest.charsetOf(request);
    SignInThrottle.Attempt attempt;
    try {
      attempt = throttle.attempt(field(new String(form, charset), "username", charset), request.getRemoteAddr());
    } catch (SignInThrottledException e) {
      problems.tooManySignIns(request, response, e);
      return;
    }
    chain.doFilter(new ReplayableRequest(request, form), response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      attempt.failed();
    }
  }

  /**
   * The first value of a field of an {@code application/x-www-form-urlencoded} body, as the
   * webapp reads it; empty when absent or not decodable (the sign-in then fails at Camunda and
   * counts against the address).
   */
  static String field(String form, String name, Charset charset) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      try {
        if (name.equals(URLDecoder.decode(key, charset))) {
          return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
        }
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return "";
  }
}
