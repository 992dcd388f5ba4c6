package org.gridaid.supplies;

/** The messages and limits the ledger's commands share. */
final class Ledger {

  static final String REQUIRED = "is required";
  static final String AT_MOST = "must be at most {max} characters";
  static final String BETWEEN = "must be between {min} and {max}";
  static final String CODE = "[A-Z0-9]+(-[A-Z0-9]+)*";
  static final String CODE_MESSAGE = "must be capital letters and digits in parts joined by '-' (WH-JH)";
  /** More than a million of anything in one movement is a typing mistake. */
  static final int MAX_QUANTITY = 1_000_000;

  private Ledger() {}
}
