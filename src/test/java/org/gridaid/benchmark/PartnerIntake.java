package org.gridaid.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Help requests as the demo's partner system posts them: its API key, a caller's phone of their own each. */
final class PartnerIntake {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final AtomicLong PHONES = new AtomicLong(13_100_000_000L + System.currentTimeMillis() % 100_000_000L);

  private PartnerIntake() {}

  /** A post of {@code POST /api/v1/help-requests} to the node on {@code port}; {@code fields}: the JSON fields but the phone. */
  static HttpRequest post(int port, Duration timeout, String fields) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/help-requests"))
        .timeout(timeout).header("Content-Type", "application/json").header("X-Api-Key", "demo-partner-key")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"callerPhone\": \"" + PHONES.incrementAndGet() + "\", " + fields + "}"))
        .build();
  }

  /** The case an answer 201 names; null for any other answer. */
  static Long caseId(HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    return response.statusCode() == 201 && id.find() ? Long.valueOf(id.group(1)) : null;
  }
}
