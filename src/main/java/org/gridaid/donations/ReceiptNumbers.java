package org.gridaid.donations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipt numbers, one sequence a year without gaps or repeats: the next number is taken by an
 * update of the year's counter row in the confirming transaction, which holds the row until it
 * commits (or gives the number back by rolling back). A database sequence would be faster and
 * would leave a gap for every rollback.
 */
@Component
class ReceiptNumbers {

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  ReceiptNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** A receipt as it is printed and quoted: 2026-000042. */
  static String code(int year, int number) {
    return "%d-%06d".formatted(year, number);
  }

  /** The next number of the year, the caller's to keep if it commits. */
  @Transactional(propagation = Propagation.MANDATORY)
  int next(int year) {
    if (jdbc.sql("update donation_receipt_counter set last_number = last_number + 1 where receipt_year = ?")
        .param(year).update() == 0) {
      startYear(year);
      jdbc.sql("update donation_receipt_counter set last_number = last_number + 1 where receipt_year = ?")
          .param(year).update();
    }
    return jdbc.sql("select last_number from donation_receipt_counter where receipt_year = ?").param(year)
        .query(Integer.class).single();
  }

  /** The year's row, inserted by the first confirmation of the year (the others find it there). */
  private void startYear(int year) {
    try {
      savepoint.executeWithoutResult(status -> jdbc.sql(
          "insert into donation_receipt_counter (receipt_year, last_number) values (?, 0)").param(year).update());
    } catch (DuplicateKeyException e) {
      // another confirmation started the year a moment ago
    }
  }
}
