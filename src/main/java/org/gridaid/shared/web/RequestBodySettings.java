package org.gridaid.shared.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large a request body may be ({@code gridaid.request-body.*}; defaults in
 * application.yaml), whatever its type: JSON, CSV, multipart or the engine API's.
 *
 * @param maxSize the limit of every path that {@code larger} does not name
 * @param larger paths that take more (the register import, the engine API), the first that
 *     matches wins
 */
@Validated
@ConfigurationProperties("gridaid.request-body")
public record RequestBodySettings(@NotNull DataSize maxSize, @Valid List<Larger> larger) {

  public RequestBodySettings {
    larger = larger == null ? List.of() : List.copyOf(larger);
  }

  /**
   * @param paths path patterns below the context path ({@code /engine-rest/**})
   * @param maxSize their limit
   */
  public record Larger(@NotEmpty List<String> paths, @NotNull DataSize maxSize) {}
}
