package org.gridaid.helprequest;

import static org.gridaid.organisation.StaffRole.DISTRICT_COMMAND;
import static org.gridaid.organisation.StaffRole.HOTLINE;

import org.gridaid.security.Requester;
import org.gridaid.shared.web.ForbiddenException;
import org.gridaid.shared.web.NotFoundException;

/**
 * Who may do what to a help request, in one place. Seeing a case and acting on it are separate
 * permissions: the hotline, the medical team and the district command see every case, the
 * community and street offices those of their area, but only the people named here act.
 *
 * <pre>
 * see           staff whose work covers the case's grid (the administrator: every grid);
 *               an outside system: the cases it sent
 * cancel        the hotline, the case's own grid (its grid staff and grid leader), the district
 *               command, the administrator; an outside system: the cases it sent
 * hold, resume  those who handle the case: its own grid's staff and grid leader, the district
 *               command, the administrator
 * </pre>
 *
 * <p>A caller who may not see a case is told it does not exist (404); one who sees it but may
 * not act gets 403 with the rule. (An outside system also needs the key's operation, and staff
 * the staff role, as each endpoint's {@code @PreAuthorize} says.)
 */
enum CaseAction {

  SEE("") {
    @Override
    boolean allows(Requester who, HelpRequest request) {
      return true;
    }
  },

  CANCEL("Only the hotline, the case's own grid and the district command cancel a help request"
      + " (an outside system: the requests it sent)") {
    @Override
    boolean allows(Requester who, HelpRequest request) {
      return who.partner() || who.admin() || who.hasRole(HOTLINE, DISTRICT_COMMAND)
          || who.servesGrid(request.gridCode());
    }
  },

  HOLD_OR_RESUME("Only those who handle the case put it on hold or resume it: its own grid's staff and"
      + " grid leader, and the district command") {
    @Override
    boolean allows(Requester who, HelpRequest request) {
      return !who.partner() && (who.admin() || who.hasRole(DISTRICT_COMMAND) || who.servesGrid(request.gridCode()));
    }
  };

  private final String rule;

  CaseAction(String rule) {
    this.rule = rule;
  }

  /** Whether someone who sees the case may do this to it. */
  abstract boolean allows(Requester who, HelpRequest request);

  /** The case, if the requester may do this to it: 404 when they may not even see it, else 403. */
  HelpRequest check(Requester who, HelpRequest request) {
    if (!sees(who, request)) {
      // not theirs: as if it did not exist
      throw new NotFoundException("Help request", String.valueOf(request.id()));
    }
    if (!allows(who, request)) {
      throw new ForbiddenException(rule);
    }
    return request;
  }

  /** An outside system sees what it sent; staff the cases of the grids they cover. */
  static boolean sees(Requester who, HelpRequest request) {
    return who.partner() ? who.id().equals(request.submittedBy()) : who.covers(request.gridCode());
  }

  /** Staff who see the case see the caller's full details; outside systems see them masked. */
  static boolean seesPersonalData(Requester who, HelpRequest request) {
    return !who.partner() && who.covers(request.gridCode());
  }
}
