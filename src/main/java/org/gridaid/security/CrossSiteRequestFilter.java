package org.gridaid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Refuses cross-site browser requests on the stateless APIs (/api, /engine-rest). They have no
 * CSRF token: a browser that once signed in with HTTP Basic sends the credentials with every
 * request to this origin, also with one a foreign page makes it send (a form posted to a
 * deployment or an import, a link). Browsers say where a request comes from: {@code Origin} on
 * every request but a plain GET, and {@code Sec-Fetch-Site} on every request. A request is
 * refused with 403 when its Origin is neither the application's own (scheme, host and port of
 * the request) nor an allowed one ({@link CrossSiteSettings}), or when it has no Origin and the
 * browser marks it cross-site. Calls from servers and scripts send neither and pass.
 *
 * <p>Behind a reverse proxy the application's own origin is the proxy's only when the proxy's
 * forwarded headers are used ({@code server.forward-headers-strategy}).
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

  static final String FETCH_SITE = "Sec-Fetch-Site";

  private final Set<String> allowedOrigins;
  private final ProblemResponses problems;

  CrossSiteRequestFilter(CrossSiteSettings settings, ProblemResponses problems) {
    this.allowedOrigins = settings.allowedOrigins().stream().map(CrossSiteRequestFilter::normalised)
        .collect(Collectors.toUnmodifiableSet());
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (crossSite(request)) {
      problems.forbidden(request, response,
          "Requests from other sites are refused; call the API from a server or from this application's pages.");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean crossSite(HttpServletRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin != null) {
      return !allowedOrigins.contains(normalised(origin)) && !sameOrigin(request);
    }
    return "cross-site".equalsIgnoreCase(request.getHeader(FETCH_SITE));
  }

  private static boolean sameOrigin(HttpServletRequest request) {
    try {
      return WebUtils.isSameOrigin(new ServletServerHttpRequest(request));
    } catch (IllegalArgumentException e) {
      // an Origin that is no origin at all
      return false;
    }
  }

  /** Origins compare without case and without a trailing slash, as browsers send them. */
  private static String normalised(String origin) {
    String trimmed = origin.strip().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
