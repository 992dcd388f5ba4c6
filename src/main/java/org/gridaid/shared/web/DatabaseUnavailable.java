package org.gridaid.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (restarted, failed over, a network cut) every request
 * that needs it is answered at once, within the pool's connection timeout, with 503 and
 * {@code Retry-After}: a clear answer to send again, not a hang and not a 500. Wherever the
 * failure surfaces (a controller, the sign-in, the engine), it is recognised by its cause;
 * requests go on by themselves once the database is back, as the pool connects again.
 */
@Configuration
public class DatabaseUnavailable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
  /** Seconds a client should wait before sending again: about a restart of PostgreSQL. */
  public static final int RETRY_AFTER_SECONDS = 5;
  public static final java.net.URI TYPE = java.net.URI.create("urn:grid-aid:problem:service-unavailable");

  /** Whether the failure is the database out of reach, rather than a fault of the request or the code. */
  public static boolean causedBy(Throwable failure) {
    return causedBy(failure, 0);
  }

  private static boolean causedBy(Throwable failure, int depth) {
    for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause() == cause ? null
        : cause.getCause(), depth++) {
      if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
          || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
        return true;
      }
      // a rollback that failed on the lost connection hides why the work failed in the first place
      if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && causedBy(rollback.getApplicationException(), depth + 1)) {
        return true;
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        if (causedBy(suppressed, depth + 1)) {
          return true;
        }
      }
      // 08: connection exception; 57P01..57P03: the server shuts down or cannot take connections yet;
      // a connection the pool handed out just before the server went away says it is closed
      if (cause instanceof SQLException sql && (sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))
          || sql.getSQLState() == null && String.valueOf(sql.getMessage()).startsWith("Connection is closed"))) {
        return true;
      }
    }
    return false;
  }

  public static ProblemDetail problem() {
    return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, TYPE, "Service unavailable",
        "The database cannot be reached at the moment. Send the request again in a few seconds; with the same"
            + " Idempotency-Key it is stored once, also if this attempt got through.");
  }

  /** The answer of a controller advice. */
  public static org.springframework.http.ResponseEntity<ProblemDetail> answer() {
    return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(problem());
  }

  /** First of all filters: a failure no advice answered (in the sign-in, say) still becomes the 503. */
  @Bean
  FilterRegistrationBean<Filter> databaseUnavailableFilter(ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new Filter(json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    private final ObjectMapper json;

    Filter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (IOException | ServletException | RuntimeException e) {
        if (!causedBy(e) || response.isCommitted()) {
          throw e;
        }
        log.warn("Database unreachable, answered 503: {} {}", request.getMethod(), request.getRequestURI());
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        Problems.write(json, request, response, problem());
      }
    }
  }
}
