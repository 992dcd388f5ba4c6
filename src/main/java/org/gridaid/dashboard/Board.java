package org.gridaid.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures: one row per area the requester sees, top down (street → community →
 * grid, the district first for those who see all of it), each counting the grids below it.
 *
 * @param asOf when the figures were counted
 * @param dueSoonWithin a case counts as due soon when its next deadline is this close
 * @param checkInDay the day of the check-in rounds counted (the day whose lists went out last)
 * @param levels the escalation levels of {@link HelpRequestFigures#byLevel}, in order, with their labels
 * @param categories the help-request categories, in order, with their labels
 * @param priorities the priorities, in order
 * @param areas the rows
 */
record Board(Instant asOf, Duration dueSoonWithin, LocalDate checkInDay, List<Label> levels, List<Label> categories,
    List<String> priorities, List<AreaFigures> areas) {

  record Label(String code, String label) {}

  /**
   * The figures of one area, over every grid below it (a district's also over the cases still
   * waiting for a grid).
   *
   * @param depth 0 for the top row the requester sees, 1 below it, ...
   */
  record AreaFigures(String code, String name, String level, String parentCode, int depth,
      HelpRequestFigures helpRequests, CheckInFigures checkIns, long lateDeliveries, CarePackFigures carePacks) {}

  /**
   * Open help requests (not closed, cancelled or merged), and of them those due within
   * {@code dueSoonWithin} and those overdue; per escalation level ({@code NONE}: not escalated) the
   * open and the overdue; per category and priority the open.
   */
  record HelpRequestFigures(long open, long dueSoon, long overdue, Map<String, Long> byLevel,
      Map<String, Long> overdueByLevel, Map<String, Long> byCategory, Map<String, Long> byPriority) {}

  /**
   * The grids' check-in rounds of {@code checkInDay}: completed, open and missed (closed unfinished),
   * and those of the day before that were missed.
   */
  record CheckInFigures(long completed, long open, long missed, long missedDayBefore) {}

  /**
   * The running care-pack campaigns over the area's grids: how many campaigns, and of their
   * households' packs (one per household and pack type) those planned, delivered, not yet
   * delivered and missed (refused, moved, or not delivered when the grid finished), as
   * {@code GET /api/v1/campaigns/{id}} counts them; {@code planned = delivered + notYetDelivered + missed}.
   */
  record CarePackFigures(long campaigns, long planned, long delivered, long notYetDelivered, long missed) {}
}
