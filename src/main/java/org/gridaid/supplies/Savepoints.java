package org.gridaid.supplies;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statements that may meet a row somebody else inserted a moment before (a balance row for a
 * site's first receipt of an item, the demo data of two nodes starting together). Each runs in a
 * savepoint of the caller's transaction (a transaction of its own without one): a duplicate key
 * rolls back only the savepoint, which PostgreSQL needs before the transaction may go on, and
 * works the same on H2. PostgreSQL's {@code on conflict do nothing} would save the savepoint but
 * H2 does not have it.
 */
@Component
class Savepoints {

  private final TransactionTemplate nested;

  Savepoints(TransactionTemplate transaction) {
    this.nested = new TransactionTemplate(transaction.getTransactionManager());
    this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Whether the insert went in; false when the row was there already. */
  boolean insertIfAbsent(Runnable insert) {
    try {
      nested.executeWithoutResult(status -> insert.run());
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
