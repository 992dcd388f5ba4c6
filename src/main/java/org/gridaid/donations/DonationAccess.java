package org.gridaid.donations;

import static org.gridaid.organisation.StaffRole.DONATION_DESK;
import static org.gridaid.organisation.StaffRole.FINANCE;
import static org.gridaid.organisation.StaffRole.STREET;
import static org.gridaid.organisation.StaffRole.WAREHOUSE;

import org.gridaid.security.Requester;
import org.gridaid.shared.web.ForbiddenException;

/**
 * Who may see and do what with appeals and donations, in one place. Appeals and their progress
 * are no personal data: every staff member sees them (the hotline tells callers where to bring
 * water), and an outside system with {@code donations:read}.
 *
 * <pre>
 * see appeals     every staff member, administrators, an outside system with donations:read
 * open an appeal  the donation desk (慈善会捐赠窗口), a street office (街道指挥部) for its street,
 *                 administrators
 * close           the donation desk and administrators any appeal; a street office the appeals of
 *                 its street
 * record gifts    cash and bank transfers: the donation desk, administrators
 * see gifts       the donation desk, finance (慈善会财务), administrators: they hold the donors' names;
 *                 the online platform the gifts it sent
 * refund, correct finance and administrators: money leaves or the books change
 * record pledges  the donation desk, administrators, a donors' system with donations:pledge
 * see pledges     the donation desk, the warehouse (it checks deliveries in), administrators; a
 *                 donors' system the pledges it sent
 * </pre>
 *
 * <p>Who may not see a gift gets 404 for it, as if it did not exist.
 *
 * <p>A refusal is a 403 with the rule (an outside system also needs its key's operation, as each
 * endpoint's {@code @PreAuthorize} says).
 */
enum DonationAccess {

  SEE_APPEALS("Appeals are seen by staff and outside systems with donations:read") {
    @Override
    boolean allows(Requester who, Appeal appeal) {
      return who.admin() || who.partner() || who.role() != null;
    }
  },

  OPEN_APPEAL("Only the donation desk and street offices open appeals") {
    @Override
    boolean allows(Requester who, Appeal appeal) {
      return who.admin() || who.hasRole(DONATION_DESK) || who.hasRole(STREET) && who.areaCode() != null;
    }
  },

  CLOSE_APPEAL("Only the donation desk closes any appeal; a street office closes those of its street") {
    @Override
    boolean allows(Requester who, Appeal appeal) {
      return who.admin() || who.hasRole(DONATION_DESK)
          || who.hasRole(STREET) && appeal != null && who.areaCode() != null && who.areaCode().equals(appeal.areaCode());
    }
  };

  private final String rule;

  /** Whether the requester may see the gift: the desk, finance, administrators; the platform its own. */
  static boolean seesGift(Requester who, Gift gift) {
    return who.admin() || who.hasRole(DONATION_DESK, FINANCE) || who.partner() && who.id().equals(gift.recordedBy());
  }

  /** Whether the requester may record cash and bank transfers: the desk and administrators. */
  static boolean recordsGifts(Requester who) {
    return who.admin() || who.hasRole(DONATION_DESK);
  }

  /** Whether the requester may record pledges of goods: the desk, administrators, a donors' system. */
  static boolean recordsPledges(Requester who) {
    return who.admin() || who.partner() || who.hasRole(DONATION_DESK);
  }

  /** Whether the requester may see a pledge: the desk, the warehouse (which checks it in), administrators; a system its own. */
  static boolean seesPledge(Requester who, Pledge pledge) {
    return who.admin() || who.hasRole(DONATION_DESK, WAREHOUSE)
        || who.partner() && who.id().equals(pledge.pledgedBy());
  }

  /** Whether the requester may refund or correct a gift (having seen it). */
  static boolean correctsGifts(Requester who) {
    return who.admin() || who.hasRole(FINANCE);
  }

  DonationAccess(String rule) {
    this.rule = rule;
  }

  /** {@code appeal}: the appeal acted on, for the actions that depend on it; null for the others. */
  abstract boolean allows(Requester who, Appeal appeal);

  void check(Requester who) {
    check(who, null);
  }

  /** 403 with the rule unless the requester may. */
  void check(Requester who, Appeal appeal) {
    if (!allows(who, appeal)) {
      throw new ForbiddenException(rule);
    }
  }
}
