package org.gridaid.supplies;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sites and items by code, read from a snapshot of their table: they change rarely and are read
 * by every command and view. Loaded again after a change on this node (once its transaction
 * ended) and at least every {@link #MAX_AGE} for changes made on other nodes, as the
 * organisation's {@code AreaDirectory} does with the area tree.
 */
final class CatalogCache<T> {

  static final Duration MAX_AGE = Duration.ofSeconds(30);
  static final Duration MISS_RELOAD = Duration.ofSeconds(1);

  private final Supplier<List<T>> load;
  private final Function<T, String> code;
  private volatile Snapshot<T> snapshot;

  /** {@code loadedAt}: System.nanoTime(), a cache's age, not business time. */
  private record Snapshot<T>(Map<String, T> byCode, List<T> all, long loadedAt) {}

  CatalogCache(Supplier<List<T>> load, Function<T, String> code) {
    this.load = load;
    this.code = code;
  }

  /**
   * The entry, or null. A code the snapshot does not know is looked up again in a fresh one if
   * the snapshot is older than {@link #MISS_RELOAD}: another node may have added it (its stock
   * may already be listed), and a stream of unknown codes reloads at most once a second.
   */
  T find(String key) {
    if (key == null) {
      return null;
    }
    Snapshot<T> current = current();
    T found = current.byCode().get(key);
    if (found == null && System.nanoTime() - current.loadedAt() > MISS_RELOAD.toNanos()) {
      snapshot = null;
      found = current().byCode().get(key);
    }
    return found;
  }

  /** Every entry, in the order the loader gives them. */
  List<T> all() {
    return current().all();
  }

  private Snapshot<T> current() {
    Snapshot<T> current = snapshot;
    if (current == null || System.nanoTime() - current.loadedAt() > MAX_AGE.toNanos()) {
      List<T> all = List.copyOf(load.get());
      current = new Snapshot<>(all.stream().collect(Collectors.toUnmodifiableMap(code, Function.identity())), all,
          System.nanoTime());
      snapshot = current;
    }
    return current;
  }

  /** Forgets the snapshot now and once the current transaction has ended, committed or not. */
  void invalidate() {
    snapshot = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          snapshot = null;
        }
      });
    }
  }
}
