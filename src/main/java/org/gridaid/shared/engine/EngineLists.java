package org.gridaid.shared.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine configuration's lists of custom parts (session factories, parse listeners, job
 * handlers, ...) are null until somebody sets one, and what was set may not be mutable: ours are
 * added to a copy, after whatever another plugin or the starter added before.
 */
final class EngineLists {

  static <T> List<T> and(List<? extends T> existing, List<? extends T> added) {
    List<T> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    all.addAll(added);
    return all;
  }

  private EngineLists() {}
}
