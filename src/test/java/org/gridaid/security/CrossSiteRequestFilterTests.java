package org.gridaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which browser requests {@link CrossSiteRequestFilter} lets through, without the application around it. */
class CrossSiteRequestFilterTests {

  final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(
      new CrossSiteSettings(List.of("https://Portal.example.org/")), new ProblemResponses(new ObjectMapper()));

  int status(String origin, String fetchSite) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/help-requests");
    request.setScheme("https");
    request.setServerName("grid-aid.example.org");
    request.setServerPort(443);
    if (origin != null) {
      request.addHeader("Origin", origin);
    }
    if (fetchSite != null) {
      request.addHeader("Sec-Fetch-Site", fetchSite);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response.getStatus();
  }

  @Test
  void theApplicationsOwnOriginPasses() throws Exception {
    assertThat(status("https://grid-aid.example.org", "same-origin")).isEqualTo(200);
    assertThat(status("https://grid-aid.example.org:443", null)).isEqualTo(200);
  }

  @Test
  void anAllowedOriginPasses() throws Exception {
    assertThat(status("https://portal.example.org", "cross-site")).isEqualTo(200);
  }

  @Test
  void anyOtherOriginIsRefused() throws Exception {
    assertThat(status("https://attacker.example", "cross-site")).isEqualTo(403);
    // the same host over plain HTTP, or on another port, is another origin
    assertThat(status("http://grid-aid.example.org", "same-site")).isEqualTo(403);
    assertThat(status("https://grid-aid.example.org:8443", "same-site")).isEqualTo(403);
    assertThat(status("https://portal.example.org.attacker.example", "cross-site")).isEqualTo(403);
    assertThat(status("null", "cross-site")).isEqualTo(403);
    assertThat(status("not an origin", null)).isEqualTo(403);
  }

  @Test
  void withoutAnOriginOnlyRequestsMarkedCrossSiteAreRefused() throws Exception {
    assertThat(status(null, "cross-site")).isEqualTo(403);
    assertThat(status(null, "same-origin")).isEqualTo(200);
    assertThat(status(null, "none")).isEqualTo(200);
    assertThat(status(null, null)).isEqualTo(200);
  }
}
