package org.gridaid.shared.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read to be checked and is read again by the engine's REST API.
 * Bodies of engine calls are small (the body-size limit applies before this).
 */
final class ReplayableRequest extends HttpServletRequestWrapper {

  private final byte[] body;

  ReplayableRequest(HttpServletRequest request) throws IOException {
    super(request);
    this.body = request.getInputStream().readAllBytes();
  }

  /** The body as JSON; null when it is empty or not JSON (the engine answers that itself). */
  JsonNode json(ObjectMapper mapper) {
    String type = getContentType();
    if (body.length == 0 || type == null || !type.toLowerCase().contains("json")) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("synchronous reads only");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    return new BufferedReader(new InputStreamReader(getInputStream(),
        encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
  }
}
