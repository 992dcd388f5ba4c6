package org.gridaid.shared.web;

/** A named thing the caller asked for does not exist: answered with 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, String id) {
    super(what + " '" + id + "' does not exist");
  }
}
