package org.gridaid.messaging;

import java.util.regex.Pattern;

/**
 * Whose text messages these are: a flow's code and the id of its case, e.g.
 * {@code new MessageOwner("HELP_REQUEST", 42)} or {@code ("MEDICINE_DELIVERY", 7)}. An owner's
 * messages go out one after another, in the order they were queued.
 *
 * @param type an upper-case code of at most 40 characters ({@code [A-Z][A-Z0-9_]*})
 * @param id the case's id in the owning module
 */
public record MessageOwner(String type, long id) {

  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  public MessageOwner {
    if (type == null || !CODE.matcher(type).matches()) {
      throw new IllegalArgumentException("A message owner's type is an upper-case code of at most 40 characters, not "
          + type);
    }
  }
}
