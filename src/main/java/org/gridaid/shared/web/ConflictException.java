package org.gridaid.shared.web;

/** The request contradicts what is already stored: answered with 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
