package org.gridaid.shared.jdbc;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every paged endpoint answers it. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public <R> Page<R> map(Function<T, R> view) {
    return new Page<>(items.stream().map(view).toList(), page, size, total);
  }
}
