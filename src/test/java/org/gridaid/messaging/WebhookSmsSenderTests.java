package org.gridaid.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sender against a stand-in SMS gateway on loopback. */
class WebhookSmsSenderTests {

  HttpServer gateway;
  final List<String> received = new ArrayList<>();
  final List<String> authorizations = new ArrayList<>();
  final AtomicInteger answer = new AtomicInteger(200);

  @BeforeEach
  void startGateway() throws Exception {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext("/sms", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.sendResponseHeaders(answer.get(), -1);
      exchange.close();
    });
    gateway.start();
  }

  @AfterEach
  void stopGateway() {
    gateway.stop(0);
  }

  WebhookSmsSender sender() {
    return new WebhookSmsSender(new ObjectMapper(), new SmsSettings("webhook",
        URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms"), "secret-token"));
  }

  @Test
  void postsPhoneBodyAndReferenceAsJsonWithTheToken() throws Exception {
    sender().send("13812345678", "您的诉求已受理", "MSG-7");

    assertThat(received).hasSize(1);
    var json = new ObjectMapper().readTree(received.get(0));
    assertThat(json.get("phone").asText()).isEqualTo("13812345678");
    assertThat(json.get("body").asText()).isEqualTo("您的诉求已受理");
    assertThat(json.get("reference").asText()).isEqualTo("MSG-7");
    assertThat(authorizations).containsExactly("Bearer secret-token");
  }

  @Test
  void aGatewayErrorIsAFailureToRetry() {
    answer.set(503);

    assertThatThrownBy(() -> sender().send("13812345678", "x", "MSG-8")).hasMessageContaining("503");
  }
}
