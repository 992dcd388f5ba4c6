package org.gridaid.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** The stable problem types of the API (RFC 9457) and how each is built. */
public final class Problems {

  public static final URI VALIDATION = type("validation");
  public static final URI MALFORMED_REQUEST = type("malformed-request");
  public static final URI NOT_FOUND = type("not-found");
  public static final URI CONFLICT = type("conflict");
  public static final URI UNAUTHENTICATED = type("unauthenticated");
  public static final URI FORBIDDEN = type("forbidden");
  public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");
  public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");
  public static final URI NOT_ACCEPTABLE = type("not-acceptable");
  /** The body is larger than its path takes ({@link RequestBodySettings}); {@code maxBytes} says how large it may be. */
  public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
  public static final URI INTERNAL = type("internal");
  public static final URI ADDRESS_NOT_RESOLVED = type("address-not-resolved");
  public static final URI TOO_MANY_REQUESTS = type("too-many-requests");
  /** 503: the node takes as many intakes as it can; Retry-After says when to send again. */
  public static final URI OVERLOADED = type("overloaded");

  private Problems() {}

  private static URI type(String slug) {
    return URI.create("urn:grid-aid:problem:" + slug);
  }

  public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }

  public static ProblemDetail validation(List<FieldError> errors) {
    ProblemDetail problem = of(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid input",
        "Some fields are missing or invalid: "
            + String.join(", ", errors.stream().map(FieldError::field).distinct().toList()));
    problem.setProperty("errors", errors);
    return problem;
  }

  /** 413: the body is larger than {@code maxBytes}; nothing was read past that, nothing changed. */
  public static ProblemDetail payloadTooLarge(long maxBytes) {
    ProblemDetail problem = of(HttpStatus.PAYLOAD_TOO_LARGE, PAYLOAD_TOO_LARGE, "Payload too large",
        "The request body is larger than " + (maxBytes < 0 ? "this endpoint takes" : "the " + maxBytes
            + " bytes this endpoint takes") + "; nothing was changed.");
    if (maxBytes >= 0) {
      problem.setProperty("maxBytes", maxBytes);
    }
    return problem;
  }

  /**
   * Answers a request with the problem from a servlet filter, where no controller advice runs: the
   * same application/problem+json (UTF-8, as JSON is) with the request's path as instance.
   */
  public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
      ProblemDetail problem) throws IOException {
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    byte[] body = json.writeValueAsBytes(problem);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** One field at fault and why, as the caller sent it (JSON property or query parameter). */
  public record FieldError(String field, String message) {}
}
