package org.gridaid.shared.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One call to Camunda's REST API, below the engine it addresses: {@code POST task/42/complete}.
 * The same resources answer at /engine-rest (default engine, or /engine-rest/engine/{name})
 * and, behind the webapps' session, at /camunda/api/engine/engine/{name}.
 */
record EngineApiCall(String method, List<String> segments, String engineName, JsonNode body) {

  static final String DEFAULT_ENGINE = "default";

  /** The call a request makes, or empty when it is not one to an engine's resources. */
  static Optional<EngineApiCall> of(HttpServletRequest request, String webappPath) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    List<String> parts = Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toList();
    List<String> webapp = Arrays.stream(webappPath.split("/")).filter(part -> !part.isEmpty()).toList();
    int below;
    String engine;
    if (startsWith(parts, List.of("engine-rest", "engine")) && parts.size() > 2) {
      below = 3;
      engine = parts.get(2);
    } else if (startsWith(parts, List.of("engine-rest"))) {
      below = 1;
      engine = DEFAULT_ENGINE;
    } else if (startsWith(parts, concat(webapp, "api", "engine", "engine")) && parts.size() > webapp.size() + 3) {
      below = webapp.size() + 4;
      engine = parts.get(webapp.size() + 3);
    } else {
      return Optional.empty();
    }
    return Optional.of(new EngineApiCall(request.getMethod(), parts.subList(below, parts.size()), engine,
        MissingNode.getInstance()));
  }

  EngineApiCall withBody(JsonNode json) {
    return new EngineApiCall(method, segments, engineName, json == null ? MissingNode.getInstance() : json);
  }

  boolean reads() {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }

  /**
   * Whether the call is {@code method} on {@code pattern}, a path whose segments are literal or
   * {@code *} (any one segment).
   */
  boolean is(String method, String pattern) {
    if (!this.method.equals(method)) {
      return false;
    }
    String[] expected = pattern.split("/");
    if (expected.length != segments.size()) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!expected[i].equals("*") && !expected[i].equals(segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The segment at {@code index} (the task id of task/{id}/complete is segment 1). */
  String segment(int index) {
    return segments.get(index);
  }

  String path() {
    return String.join("/", segments);
  }

  private static boolean startsWith(List<String> parts, List<String> prefix) {
    return parts.size() >= prefix.size() && parts.subList(0, prefix.size()).equals(prefix);
  }

  private static List<String> concat(List<String> head, String... tail) {
    return java.util.stream.Stream.concat(head.stream(), Arrays.stream(tail)).toList();
  }
}
