package org.gridaid.donations;

import static org.gridaid.organisation.StaffRole.DONATION_DESK;
import static org.gridaid.organisation.StaffRole.STREET;

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
 * </pre>
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
