package org.gridaid.donations;

import java.math.BigDecimal;

/**
 * Money is counted in fen ({@code long}), never in floating point: the API takes and shows yuan
 * with at most two decimals ({@code "60778.13"}), turned into fen exactly.
 */
final class Money {

  static final String AT_LEAST_A_FEN = "must be at least 0.01";
  static final String TWO_DECIMALS = "must be an amount in yuan with at most 2 decimals and at most 10 digits before them";

  private Money() {}

  /** Yuan, at most two decimals, as fen; {@link ArithmeticException} for a third decimal or too much. */
  static long fen(BigDecimal yuan) {
    return yuan.movePointRight(2).longValueExact();
  }

  /** Fen as yuan with two decimals. */
  static BigDecimal yuan(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }
}
