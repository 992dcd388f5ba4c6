package org.gridaid.carepacks;

import org.gridaid.shared.validation.Labelled;

/**
 * What happened at a household's door. Delivered, refused and moved are final; nobody at home
 * is tried again (the second attempt, then the grid leader, whose answer is final whatever it is).
 * A delivered pack stays delivered; a refused one or one for a household that moved may still be
 * delivered after all.
 */
public enum DoorOutcome implements Labelled {
  DELIVERED("已送达"),
  NOT_AT_HOME("不在家"),
  REFUSED("拒收"),
  MOVED("已搬离");

  private final String label;

  DoorOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** Final in any round: nobody goes back for it. */
  boolean settles() {
    return this != NOT_AT_HOME;
  }

  /** May a pack recorded {@code this} be recorded {@code next}? (Recording the same again is no change.) */
  boolean mayBecome(DoorOutcome next) {
    return switch (this) {
      case DELIVERED -> next == DELIVERED;
      case REFUSED, MOVED -> next == this || next == DELIVERED;
      case NOT_AT_HOME -> true;
    };
  }
}
