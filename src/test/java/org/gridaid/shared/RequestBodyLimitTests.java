package org.gridaid.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.StreamingUpload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every request body has a limit (gridaid.request-body.*): 1 MB, 50 MB for the register
 * import. A larger body is refused with a 413 problem, whether it says its length or not, and
 * the server stops reading it.
 */
class RequestBodyLimitTests extends ApiTestSupport {

  static final int LIMIT = 1024 * 1024;
  static final long IMPORT_LIMIT = 50L * 1024 * 1024;
  static final String WORKER = "grid-lile-yongming-01";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;
  @Autowired
  PersonalDataCipher cipher;

  /** A household as JSON, padded with blanks to exactly {@code size} bytes. */
  static byte[] household(String address, int size) {
    byte[] json = """
        {"address": "%s", "gridCode": "JH-LL-YM-01", "size": 1}""".formatted(address)
        .getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[size];
    System.arraycopy(json, 0, padded, 0, json.length);
    java.util.Arrays.fill(padded, json.length, size, (byte) ' ');
    return padded;
  }

  long households(String address) {
    return jdbc.sql("select count(*) from household where address_hash = ?").param(cipher.lookupHash(address))
        .query(Long.class).single();
  }

  @Test
  void aJsonBodyOneByteOverTheLimitIsRefusedAndOneOfTheLimitIsTaken() {
    as(WORKER).body(household("永明路限长1号", LIMIT + 1)).post("/api/v1/households").then().statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:payload-too-large"))
        .body("maxBytes", equalTo(LIMIT));
    assertThat(households("永明路限长1号")).isZero();

    as(WORKER).body(household("永明路限长2号", LIMIT)).post("/api/v1/households").then().statusCode(201);
    assertThat(households("永明路限长2号")).isOne();
  }

  @Test
  void aChunkedBodyIsReadUpToTheLimitOnly() throws Exception {
    var over = StreamingUpload.post(port, "/api/v1/households", "application/json", WORKER,
        new java.io.ByteArrayInputStream(household("永明路限长3号", LIMIT + 1)));
    assertThat(over.status()).isEqualTo(413);
    assertThat(over.headers().get("content-type")).startsWith("application/problem+json");
    assertThat(over.body()).contains("\"type\":\"urn:grid-aid:problem:payload-too-large\"");
    assertThat(households("永明路限长3号")).isZero();

    var within = StreamingUpload.post(port, "/api/v1/households", "application/json", WORKER,
        new java.io.ByteArrayInputStream(household("永明路限长4号", LIMIT)));
    assertThat(within.status()).isEqualTo(201);
    assertThat(households("永明路限长4号")).isOne();
  }

  @Test
  void aRegisterImportOfFourHundredMegabytesIsStoppedAtFifty() throws Exception {
    byte[] head = "address,gridCode,size\n永明路超限1号,JH-LL-YM-01,1\n".getBytes(StandardCharsets.UTF_8);
    byte[] blankLine = (" ".repeat(1023) + "\n").getBytes(StandardCharsets.UTF_8);
    long size = 400L * 1024 * 1024;

    var answer = StreamingUpload.post(port, "/api/v1/register/import", "text/csv; charset=UTF-8", WORKER,
        StreamingUpload.generated(head, blankLine, size));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).contains("\"type\":\"urn:grid-aid:problem:payload-too-large\"")
        .contains("\"maxBytes\":" + IMPORT_LIMIT);
    // the server stopped reading at the limit: the client could stop long before the end
    assertThat(answer.bytesSent()).isGreaterThan(IMPORT_LIMIT).isLessThan(size / 4);
    assertThat(households("永明路超限1号")).isZero();
  }

  @Test
  void anOversizedMultipartUploadIsAPayloadProblemNotAnInternalOne() throws Exception {
    byte[] head = ("--limit\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\naddress,gridCode,size\n").getBytes(StandardCharsets.UTF_8);
    long size = 120L * 1024 * 1024;

    var answer = StreamingUpload.post(port, "/api/v1/register/import", "multipart/form-data; boundary=limit",
        WORKER, StreamingUpload.generated(head, (" ".repeat(1023) + "\n").getBytes(StandardCharsets.UTF_8), size));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).contains("\"type\":\"urn:grid-aid:problem:payload-too-large\"");
    assertThat(answer.bytesSent()).isLessThan(size);
  }

  @Test
  void theEngineApiHasALimitOfItsOwn() throws Exception {
    byte[] head = "{\"businessKey\": \"".getBytes(StandardCharsets.UTF_8);
    long size = 30L * 1024 * 1024;

    var answer = StreamingUpload.post(port, "/engine-rest/process-instance", "application/json", "hotline-01",
        StreamingUpload.generated(head, "x".getBytes(StandardCharsets.UTF_8), size));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).contains("\"type\":\"urn:grid-aid:problem:payload-too-large\"")
        .contains("\"maxBytes\":" + 10 * 1024 * 1024);
    assertThat(answer.bytesSent()).isLessThan(size);
  }
}
