package org.gridaid.test;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.http.conn.params.ConnRoutePNames;

/**
 * Client addresses of a test's own, for what the app limits per address (sign-in throttle, the
 * public report's rate limit): the whole of 127.0.0.0/8 reaches the local app.
 */
public final class ClientAddresses {

  /** A loopback address no other test calls from. */
  public static String newLoopback() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(2, 255);
  }

  /** REST Assured's configuration for requests sent from {@code address}. */
  public static RestAssuredConfig sendingFrom(String address) {
    try {
      InetAddress local = InetAddress.getByName(address);
      return RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
          .setParam(ConnRoutePNames.LOCAL_ADDRESS, local));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }

  private ClientAddresses() {}
}
