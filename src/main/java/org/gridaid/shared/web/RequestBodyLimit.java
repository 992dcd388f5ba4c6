package org.gridaid.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Limits every request body, before anything reads it: a body that says it is larger than its
 * path's limit ({@link RequestBodySettings}) is refused at once with 413, and a body without a
 * length (chunked) is read only up to the limit; whoever reads past it gets
 * {@link BodyTooLargeException}, and the caller a 413 however that reader failed. Multipart
 * bodies are parsed by the container, which keeps to {@code spring.servlet.multipart.*}.
 */
@Configuration
class RequestBodyLimit {

  @Bean
  FilterRegistrationBean<Filter> requestBodyLimitFilter(RequestBodySettings settings, ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new Filter(settings, json));
    // before the security filters: nothing may read a body that is too large, nor begin to
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** Somebody read past the body's limit: answered with 413 and nothing changed. */
  static class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
      super("The request body is larger than " + limit + " bytes");
      this.limit = limit;
    }

    long limit() {
      return limit;
    }
  }

  static final class Filter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);

    private record Limit(List<PathPattern> paths, long bytes) {}

    private final List<Limit> limits = new ArrayList<>();
    private final long defaultLimit;
    private final ObjectMapper json;

    Filter(RequestBodySettings settings, ObjectMapper json) {
      for (RequestBodySettings.Larger larger : settings.larger()) {
        limits.add(new Limit(larger.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
            larger.maxSize().toBytes()));
      }
      this.defaultLimit = settings.maxSize().toBytes();
      this.json = json;
    }

    /** The limit of a path as the container normalised it (no "..", no ";params", decoded). */
    long limitOf(HttpServletRequest request) {
      String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      PathContainer container = PathContainer.parsePath(path.isEmpty() ? "/" : path);
      for (Limit limit : limits) {
        if (limit.paths().stream().anyMatch(pattern -> pattern.matches(container))) {
          return limit.bytes();
        }
      }
      return defaultLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      long limit = limitOf(request);
      if (request.getContentLengthLong() > limit) {
        refuse(request, response, limit);
        return;
      }
      Limited limited = new Limited(request, limit);
      try {
        chain.doFilter(limited, new Guarded(response, limited));
      } catch (IOException | ServletException | RuntimeException failed) {
        // a filter that read the body itself (the engine API's guard) lets the failure through
        if (!limited.exceeded) {
          throw failed;
        }
      }
      if (limited.exceeded) {
        if (response.isCommitted()) {
          log.warn("Request body of {} {} over its limit of {} bytes; the answer had already begun",
              request.getMethod(), request.getRequestURI(), limit);
        } else {
          // whatever the reader made of the failed read (a 400, a 500): the body was too large
          response.reset();
          refuse(request, response, limit);
        }
      }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
      // the rest of the body is not read: the connection is closed after this answer
      response.setHeader("Connection", "close");
      Problems.write(json, request, response, Problems.payloadTooLarge(limit));
      // sent at once, so that a client still sending sees it and stops
      response.flushBuffer();
    }
  }

  /**
   * The response while the request is handled: once the body was read past its limit, what the
   * handler still answers (a 500 of the engine API that could not read its JSON) is dropped, so
   * that the filter can answer 413 instead.
   */
  private static final class Guarded extends HttpServletResponseWrapper {

    private final Limited request;
    private ServletOutputStream stream;
    private PrintWriter writer;

    Guarded(HttpServletResponse response, Limited request) {
      super(response);
      this.request = request;
    }

    private boolean dropping() {
      return request.exceeded;
    }

    @Override
    public void setStatus(int status) {
      if (!dropping()) {
        super.setStatus(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (!dropping()) {
        super.sendError(status, message);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (!dropping()) {
        super.sendError(status);
      }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      if (!dropping()) {
        super.sendRedirect(location);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!dropping()) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream out = super.getOutputStream();
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) throws IOException {
            if (!dropping()) {
              out.write(b);
            }
          }

          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!dropping()) {
              out.write(bytes, offset, length);
            }
          }

          @Override
          public void flush() throws IOException {
            if (!dropping()) {
              out.flush();
            }
          }

          @Override
          public void close() throws IOException {
            if (!dropping()) {
              out.close();
            }
          }

          @Override
          public boolean isReady() {
            return out.isReady();
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        PrintWriter target = super.getWriter();
        writer = new PrintWriter(target) {
          @Override
          public void write(int c) {
            if (!dropping()) {
              target.write(c);
            }
          }

          @Override
          public void write(char[] chars, int offset, int length) {
            if (!dropping()) {
              target.write(chars, offset, length);
            }
          }

          @Override
          public void write(String text, int offset, int length) {
            if (!dropping()) {
              target.write(text, offset, length);
            }
          }

          @Override
          public void flush() {
            if (!dropping()) {
              target.flush();
            }
          }

          @Override
          public void close() {
            if (!dropping()) {
              target.close();
            }
          }
        };
      }
      return writer;
    }
  }

  /** The request with a body that cannot be read past {@code limit}. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private volatile boolean exceeded;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private final class Counting extends ServletInputStream {

      private final ServletInputStream in;
      private long read;

      Counting(ServletInputStream in) {
        this.in = in;
      }

      private int counted(int n) throws IOException {
        if (n > 0) {
          read += n;
          if (read > limit) {
            exceeded = true;
            throw new BodyTooLargeException(limit);
          }
        }
        return n;
      }

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          counted(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (exceeded) {
          throw new BodyTooLargeException(limit);
        }
        // never more than one byte past the limit is taken from the connection
        int allowed = (int) Math.min(length, Math.max(1, limit - read + 1));
        return counted(in.read(buffer, offset, allowed));
      }

      @Override
      public boolean isFinished() {
        return in.isFinished();
      }

      @Override
      public boolean isReady() {
        return in.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
      }
    }
  }
}
