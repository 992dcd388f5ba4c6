package org.gridaid.shared.web;

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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request whose body a filter read to check it, handed on to be read again by whatever
 * answers it (the engine's REST API, the webapps' sign-in). Only for small bodies: the whole
 * body is held in memory.
 */
public final class ReplayableRequest extends HttpServletRequestWrapper {

  private final byte[] body;

  /** The request with this body, already read from it. */
  public ReplayableRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** Reads the whole body now; the body-size limit ({@link RequestBodySettings}) applies before this. */
  public static ReplayableRequest readWholeBody(HttpServletRequest request) throws IOException {
    return new ReplayableRequest(request, request.getInputStream().readAllBytes());
  }

  /** The charset the request names, UTF-8 when it names none or one this JVM does not know. */
  public static Charset charsetOf(HttpServletRequest request) {
    try {
      return request.getCharacterEncoding() == null
          ? StandardCharsets.UTF_8 : Charset.forName(request.getCharacterEncoding());
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /** Whether a request says its body is JSON (application/json, application/problem+json, ...). */
  public static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).contains("json");
  }

  /** The body as JSON; null when it is empty or not JSON (the engine answers that itself). */
  public JsonNode json(ObjectMapper mapper) {
    if (body.length == 0 || !isJson(this)) {
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
        throw new UnsupportedOperationException("A replayed body is read synchronously");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), charsetOf(this)));
  }

  /** The length of the body as it is replayed, also when the request came without one (chunked). */
  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }
}
