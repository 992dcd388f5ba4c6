package org.gridaid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gridaid.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403 and 429 from the security filters, in the same problem+json shape as every API error. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ObjectMapper json;

  ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof SignInThrottledException throttled) {
      tooManySignIns(request, response, throttled);
      return;
    }
    // a browser answers the Basic challenge with its sign-in dialog and then sends the
    // credentials with every request to this origin, forged cross-site ones too: only clients
    // that are no browser are challenged (curl, wget and the like wait for it)
    if (!fromBrowser(request)) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"grid-aid\"");
    }
    Problems.write(json, request, response, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED, "Unauthenticated",
        "Sign in with a staff account (HTTP Basic) or send an X-Api-Key header."));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    forbidden(request, response, "You are signed in but not allowed to do this.");
  }

  /** Browsers send fetch metadata with every request (and an Origin with most). */
  private static boolean fromBrowser(HttpServletRequest request) {
    return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader(CrossSiteRequestFilter.FETCH_SITE) != null
        || request.getHeader(HttpHeaders.ORIGIN) != null;
  }

  void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    Problems.write(json, request, response, Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", detail));
  }

  /**
   * 429 with Retry-After. The problem also carries a {@code message} in Chinese: the webapps'
   * sign-in page shows the {@code message} of a refused sign-in to the person signing in.
   */
  void tooManySignIns(HttpServletRequest request, HttpServletResponse response, SignInThrottledException e)
      throws IOException {
    long seconds = e.retryAfterSeconds();
    ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS,
        "Too many failed sign-ins", "Too many wrong passwords from your address; try again in " + seconds + " s.");
    problem.setProperty("message", "密码错误次数过多，请 " + (seconds + 59) / 60 + " 分钟后再试。");
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    Problems.write(json, request, response, problem);
  }
}
