package org.gridaid.carepacks;

import static org.gridaid.organisation.StaffRole.DISTRICT_COMMAND;
import static org.gridaid.organisation.StaffRole.STREET;
import static org.gridaid.organisation.StaffRole.WAREHOUSE;

import java.util.List;
import org.gridaid.security.Requester;
import org.gridaid.shared.web.ForbiddenException;
import org.gridaid.shared.web.NotFoundException;

/**
 * Who may do what with a care-pack campaign, in one place: seeing a campaign and acting on it are
 * separate permissions.
 *
 * <pre>
 * start            a street office (for the grids of its street), the district command, the administrator
 * see              staff whose work covers one of its grids; the warehouse, which packs for every
 *                  campaign; an outside system with care-packs:read (a report, no addresses)
 * list households  the staff who see one of the grids: the grid's own staff, its offices
 * record doors     the grid staff and grid leader of the household's grid (per household: the service)
 * </pre>
 *
 * <p>A caller who may not see a campaign is told it does not exist (404); one who sees it but may
 * not act gets 403 with the rule.
 */
enum CampaignAccess {

  SEE("") {
    @Override
    boolean allows(Requester who, List<String> grids) {
      return true;
    }
  },

  LIST_HOUSEHOLDS("Outside systems and the warehouse do not read the households' addresses") {
    @Override
    boolean allows(Requester who, List<String> grids) {
      return !who.partner() && (who.admin() || grids.stream().anyMatch(who::covers));
    }
  },

  RECORD("Only the staff of the households' own grid record what happened at their doors") {
    @Override
    boolean allows(Requester who, List<String> grids) {
      return !who.partner() && grids.stream().anyMatch(who::servesGrid);
    }
  };

  static final String START_RULE = "Only a street office and the district command start care-pack campaigns";

  private final String rule;

  CampaignAccess(String rule) {
    this.rule = rule;
  }

  abstract boolean allows(Requester who, List<String> grids);

  /** May the requester do this to a campaign over these grids: 404 when they may not even see it, else 403. */
  void check(Requester who, long campaignId, List<String> grids) {
    if (!sees(who, grids)) {
      throw new NotFoundException("Campaign", String.valueOf(campaignId));
    }
    if (!allows(who, grids)) {
      throw new ForbiddenException(rule);
    }
  }

  static boolean sees(Requester who, List<String> grids) {
    return who.partner() || who.admin() || who.hasRole(DISTRICT_COMMAND, WAREHOUSE) || grids.stream().anyMatch(who::covers);
  }

  static void checkStart(Requester who) {
    if (!(who.admin() || who.hasRole(STREET, DISTRICT_COMMAND))) {
      throw new ForbiddenException(START_RULE);
    }
  }
}
