package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.gridaid.test.Browser;

/** Tasklist's way in: the page's XSRF cookie, the sign-in form, then the session cookie on every call. */
record TasklistSession(HttpClient http, String base, CookieManager cookies) {

  static TasklistSession signIn(String base, String user, String password) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    TasklistSession session = new TasklistSession(http, base, cookies);
    http.send(HttpRequest.newBuilder(URI.create(base + Browser.TASKLIST)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.xsrf())
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).as("signing in to Tasklist: " + signedIn.body()).isEqualTo(200);
    // a new session after signing in: its XSRF token comes with the next read, as Tasklist's does
    http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    return session;
  }

  String xsrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
  }

  HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", xsrf())
        .header("Accept", "application/hal+json, application/json; q=0.5").GET().build();
  }

  HttpRequest post(String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", xsrf())
        .header("Accept", "application/hal+json, application/json; q=0.5").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }
}
