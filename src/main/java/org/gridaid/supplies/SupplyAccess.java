package org.gridaid.supplies;

import static org.gridaid.organisation.StaffRole.COMMUNITY;
import static org.gridaid.organisation.StaffRole.DISTRICT_COMMAND;
import static org.gridaid.organisation.StaffRole.DONATION_DESK;
import static org.gridaid.organisation.StaffRole.PHARMACY;
import static org.gridaid.organisation.StaffRole.STREET;
import static org.gridaid.organisation.StaffRole.VOLUNTEER;
import static org.gridaid.organisation.StaffRole.WAREHOUSE;

import org.gridaid.security.Requester;
import org.gridaid.shared.web.ForbiddenException;

/**
 * Who may see and change the stock, in one place. Stock is no personal data, and every site is
 * seen by all who see stock at all; what differs is who sees the history and who records.
 *
 * <pre>
 * see stock       every staff member but volunteers: the hotline, grid staff and the medical team
 *                 tell residents what there is, the offices plan with it; administrators; an outside
 *                 system with supplies:read (a mini-program showing where insulin is). Volunteers
 *                 are many, recruited on the day, and see what their delivery job says
 * see movements   those who keep or plan stock and answer for it: the warehouse, the pharmacy, the
 *                 district command, street and community offices, the donation desk (what became of
 *                 the donations), administrators. The history names who took what for which case
 * record          receipts, adjustments: the warehouse at any site, the pharmacy at pharmacies,
 *                 administrators. A transfer is recorded at both ends, so both must allow it
 * add items       the warehouse, the pharmacy, administrators
 * add sites       administrators (a site is a place in the area tree and a set of permissions)
 * </pre>
 *
 * <p>A refusal is a 403 with the rule (an outside system also needs its key's operation and
 * staff the staff role, as each endpoint's {@code @PreAuthorize} says).
 */
enum SupplyAccess {

  SEE_STOCK("Volunteers see the supplies of their delivery jobs, not the stock") {
    @Override
    boolean allows(Requester who, SupplySite site) {
      return who.admin() || who.partner() || who.role() != null && !who.hasRole(VOLUNTEER);
    }
  },

  SEE_MOVEMENTS("Only those who keep or plan stock see its history: the warehouse, the pharmacy, the district"
      + " command, street and community offices and the donation desk") {
    @Override
    boolean allows(Requester who, SupplySite site) {
      return who.admin() || who.hasRole(WAREHOUSE, PHARMACY, DISTRICT_COMMAND, STREET, COMMUNITY, DONATION_DESK);
    }
  },

  RECORD("Only the warehouse records stock at any site, the pharmacy at pharmacies") {
    @Override
    boolean allows(Requester who, SupplySite site) {
      // a site nobody knows is the ledger's 400 for those who record somewhere
      return who.admin() || who.hasRole(WAREHOUSE)
          || who.hasRole(PHARMACY) && (site == null || site.kind() == SiteKind.PHARMACY);
    }
  },

  ADD_ITEMS("Only the warehouse and the pharmacy add supply items") {
    @Override
    boolean allows(Requester who, SupplySite site) {
      return who.admin() || who.hasRole(WAREHOUSE, PHARMACY);
    }
  },

  ADD_SITES("Only administrators add supply sites") {
    @Override
    boolean allows(Requester who, SupplySite site) {
      return who.admin();
    }
  };

  private final String rule;

  SupplyAccess(String rule) {
    this.rule = rule;
  }

  /** {@code site}: the site acted on, for the actions that depend on it (null when unknown); null for the others. */
  abstract boolean allows(Requester who, SupplySite site);

  void check(Requester who) {
    check(who, null);
  }

  /** 403 with the rule unless the requester may. */
  void check(Requester who, SupplySite site) {
    if (!allows(who, site)) {
      throw new ForbiddenException(rule);
    }
  }
}
