package org.gridaid.shared.web;

/**
 * The caller may see what they asked about but not do this to it: answered with 403 and the
 * rule that refused them. (Somebody who may not even see it gets a {@link NotFoundException}.)
 */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String rule) {
    super(rule);
  }
}
