package org.gridaid.shared.jdbc;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Values that live as long as the current transaction: made on first use, gone when it ends. */
public final class TransactionScope {

  private TransactionScope() {}

  /** The transaction's value under {@code key}, made by {@code create} on first use; null outside a transaction. */
  @SuppressWarnings("unchecked")
  public static <T> T resource(Object key, Supplier<T> create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    T value = (T) TransactionSynchronizationManager.getResource(key);
    if (value == null) {
      value = create.get();
      TransactionSynchronizationManager.bindResource(key, value);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
      });
    }
    return value;
  }
}
