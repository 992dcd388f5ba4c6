package org.gridaid.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Posts each message as JSON ({@code phone}, {@code body}, {@code reference}) to an SMS
 * gateway's webhook; any answer but 2xx is a failure to retry.
 */
@Component
@ConditionalOnProperty(name = "gridaid.sms.sender", havingValue = "webhook")
class WebhookSmsSender implements SmsSender {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json;
  private final URI url;
  private final String token;

  WebhookSmsSender(ObjectMapper json, SmsSettings settings) {
    this.json = json;
    this.url = settings.webhookUrl();
    this.token = settings.webhookToken() == null ? "" : settings.webhookToken();
  }

  @Override
  public void send(String phone, String body, String reference) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
            Map.of("phone", phone, "body", body, "reference", reference))));
    if (!token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("SMS gateway answered " + response.statusCode());
    }
  }
}
