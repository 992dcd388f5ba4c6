package org.gridaid.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridaid.carepacks.CampaignProgress;
import org.gridaid.carepacks.CampaignProgress.GridProgress;
import org.gridaid.checkin.RoundFigures;
import org.gridaid.checkin.RoundFigures.GridRounds;
import org.gridaid.checkin.RoundStatus;
import org.gridaid.dashboard.Board.AreaFigures;
import org.gridaid.dashboard.Board.CarePackFigures;
import org.gridaid.dashboard.Board.CheckInFigures;
import org.gridaid.dashboard.Board.HelpRequestFigures;
import org.gridaid.dashboard.Board.Label;
import org.gridaid.helprequest.Category;
import org.gridaid.helprequest.DueState;
import org.gridaid.helprequest.EscalationLevel;
import org.gridaid.helprequest.OpenCases;
import org.gridaid.medicine.LateDeliveries;
import org.gridaid.medicine.LateDeliveries.LateDelivery;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the board: asks each module for its figures per grid (one grouped query each) and adds
 * them up the area tree. Never reads another module's tables.
 */
@Service
class Dashboard {

  /** The key of {@link HelpRequestFigures#byLevel} for a case no level was escalated to. */
  static final String NOT_ESCALATED = "NONE";
  static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
  /** The most cases one figure opens in Cockpit's list. */
  static final int MOST_CASES = 200;

  private final OpenCases openCases;
  private final RoundFigures rounds;
  private final LateDeliveries deliveries;
  private final CampaignProgress campaigns;
  private final AreaDirectory areas;
  private final DashboardSettings settings;
  private final Clock clock;

  Dashboard(OpenCases openCases, RoundFigures rounds, LateDeliveries deliveries, CampaignProgress campaigns,
      AreaDirectory areas, DashboardSettings settings, Clock clock) {
    this.openCases = openCases;
    this.rounds = rounds;
    this.deliveries = deliveries;
    this.campaigns = campaigns;
    this.areas = areas;
    this.settings = settings;
    this.clock = clock;
  }

  /** The board of the grids in the coverage. */
  @Transactional(readOnly = true)
  Board board(Coverage coverage) {
    Instant now = clock.instant();
    LocalDate day = rounds.currentDay();
    Map<String, Tally> perGrid = new HashMap<>();
    Tally unassigned = new Tally();
    for (OpenCases.Group group : openCases.groups(coverage, now, settings.dueSoonWithin())) {
      Tally tally = group.gridCode() == null ? unassigned : perGrid.computeIfAbsent(group.gridCode(), g -> new Tally());
      tally.add(group);
    }
    for (GridRounds round : rounds.of(coverage, day)) {
      Tally tally = perGrid.computeIfAbsent(round.gridCode(), g -> new Tally());
      tally.roundsCompleted += round.completed();
      tally.roundsOpen += round.open();
      tally.roundsMissed += round.missed();
    }
    for (GridRounds round : rounds.of(coverage, day.minusDays(1))) {
      perGrid.computeIfAbsent(round.gridCode(), g -> new Tally()).roundsMissedDayBefore += round.missed();
    }
    deliveries.perGrid(coverage).forEach((grid, late) -> perGrid.computeIfAbsent(grid, g -> new Tally()).late += late);
    for (GridProgress progress : campaigns.perGrid(coverage)) {
      perGrid.computeIfAbsent(progress.gridCode(), g -> new Tally()).add(progress);
    }

    List<AreaFigures> rows = new ArrayList<>();
    for (Area top : tops(coverage)) {
      addRows(top, null, 0, perGrid, top.parentCode() == null && coverage.everywhere() ? unassigned : null, rows);
    }
    return new Board(now, settings.dueSoonWithin(), day, levels(), categories(), PRIORITIES, rows);
  }

  /** The open cases behind one figure of the board: the area's grids the coverage sees, picked by the selection. */
  @Transactional(readOnly = true)
  List<OpenCases.Case> cases(Coverage coverage, String areaCode, OpenCases.Selection selection) {
    return openCases.cases(within(coverage, areaCode), selection, clock.instant(), settings.dueSoonWithin(),
        MOST_CASES);
  }

  /** The check-in rounds behind a figure: of the area's grids the coverage sees, on {@code day} (null: the board's). */
  @Transactional(readOnly = true)
  List<RoundFigures.Round> rounds(Coverage coverage, String areaCode, LocalDate day, RoundStatus status) {
    return rounds.rounds(within(coverage, areaCode), day == null ? rounds.currentDay() : day, status, MOST_CASES);
  }

  /** The late deliveries behind a figure: of the area's grids the coverage sees. */
  @Transactional(readOnly = true)
  List<LateDelivery> lateDeliveries(Coverage coverage, String areaCode) {
    return deliveries.list(within(coverage, areaCode), MOST_CASES);
  }

  /** What a campaign figure counts: the households' packs of a grid of one campaign. */
  enum PackProgress {
    PLANNED, DELIVERED, NOT_YET_DELIVERED, MISSED;

    long of(GridProgress grid) {
      return switch (this) {
        case PLANNED -> grid.planned();
        case DELIVERED -> grid.delivered();
        case NOT_YET_DELIVERED -> grid.notYetDelivered();
        case MISSED -> grid.missed();
      };
    }
  }

  /**
   * The grids of the running campaigns behind a figure: of the area's grids the coverage sees, those
   * with packs of that kind (null: every grid of them).
   */
  @Transactional(readOnly = true)
  List<GridProgress> campaignGrids(Coverage coverage, String areaCode, PackProgress progress) {
    return campaigns.grids(within(coverage, areaCode)).stream()
        .filter(grid -> progress == null || progress.of(grid) > 0).limit(MOST_CASES).toList();
  }

  /** The coverage's grids within the area (null: all of them); 404 for an area it sees none of. */
  private Coverage within(Coverage coverage, String areaCode) {
    if (areaCode == null) {
      return coverage;
    }
    Area area = areas.find(areaCode).orElseThrow(() -> new NotFoundException("Area", areaCode));
    if (area.parentCode() == null && coverage.everywhere()) {
      return coverage;
    }
    Set<String> grids = gridsOf(area).stream().filter(coverage::covers).collect(Collectors.toSet());
    if (grids.isEmpty()) {
      throw new NotFoundException("Area", areaCode);
    }
    return Coverage.of(grids);
  }

  /**
   * The top areas of the board: those all of whose grids the coverage sees and whose parent is
   * not (for the district command the district; for a street office its street).
   */
  private List<Area> tops(Coverage coverage) {
    List<Area> tops = new ArrayList<>();
    for (Area root : areas.roots()) {
      collectTops(root, coverage, tops);
    }
    return tops;
  }

  private void collectTops(Area area, Coverage coverage, List<Area> tops) {
    if (area.level() == AreaLevel.MINIMAL_UNIT) {
      return;
    }
    List<String> grids = gridsOf(area);
    if (!grids.isEmpty() && grids.stream().allMatch(coverage::covers)) {
      tops.add(area);
      return;
    }
    areas.children(area.code()).forEach(child -> collectTops(child, coverage, tops));
  }

  private List<String> gridsOf(Area area) {
    return areas.subtree(area.code()).stream().filter(Area::isGrid).map(Area::code).toList();
  }

  /** The area's row and those below it (down to the grids); returns the area's tally. */
  private Tally addRows(Area area, String parentCode, int depth, Map<String, Tally> perGrid, Tally extra,
      List<AreaFigures> rows) {
    int index = rows.size();
    rows.add(null);
    Tally tally = new Tally();
    if (area.isGrid()) {
      tally.addAll(perGrid.get(area.code()));
    } else {
      for (Area child : areas.children(area.code())) {
        if (child.level() != AreaLevel.MINIMAL_UNIT) {
          tally.addAll(addRows(child, area.code(), depth + 1, perGrid, null, rows));
        }
      }
    }
    tally.addAll(extra);
    rows.set(index, new AreaFigures(area.code(), area.name(), area.level().name(), parentCode, depth,
        tally.helpRequests(), tally.checkIns(), tally.late, tally.carePacks()));
    return tally;
  }

  private static List<Label> levels() {
    List<Label> levels = new ArrayList<>();
    levels.add(new Label(NOT_ESCALATED, "未升级"));
    Arrays.stream(EscalationLevel.values()).forEach(level -> levels.add(new Label(level.name(), level.label())));
    return levels;
  }

  private static List<Label> categories() {
    return Arrays.stream(Category.values()).map(c -> new Label(c.name(), c.label())).toList();
  }

  /** The figures of one area, added up. */
  private static final class Tally {

    long open;
    long dueSoon;
    long overdue;
    final Map<String, Long> byLevel = zeros(levels().stream().map(Label::code).toList());
    final Map<String, Long> overdueByLevel = zeros(levels().stream().map(Label::code).toList());
    final Map<String, Long> byCategory = zeros(Arrays.stream(Category.values()).map(Enum::name).toList());
    final Map<String, Long> byPriority = zeros(PRIORITIES);
    long roundsCompleted;
    long roundsOpen;
    long roundsMissed;
    long roundsMissedDayBefore;
    long late;
    final Set<Long> campaigns = new HashSet<>();
    long packsPlanned;
    long packsDelivered;
    long packsNotYetDelivered;
    long packsMissed;

    void add(GridProgress grid) {
      campaigns.add(grid.campaignId());
      packsPlanned += grid.planned();
      packsDelivered += grid.delivered();
      packsNotYetDelivered += grid.notYetDelivered();
      packsMissed += grid.missed();
    }

    void add(OpenCases.Group group) {
      long n = group.count();
      String level = group.escalationLevel() == null ? NOT_ESCALATED : group.escalationLevel().name();
      open += n;
      byLevel.merge(level, n, Long::sum);
      if (group.due() == DueState.OVERDUE) {
        overdue += n;
        overdueByLevel.merge(level, n, Long::sum);
      } else if (group.due() == DueState.DUE_SOON) {
        dueSoon += n;
      }
      byCategory.merge(group.category().name(), n, Long::sum);
      if (group.priority() != null) {
        byPriority.merge(group.priority(), n, Long::sum);
      }
    }

    void addAll(Tally other) {
      if (other == null) {
        return;
      }
      open += other.open;
      dueSoon += other.dueSoon;
      overdue += other.overdue;
      other.byLevel.forEach((k, v) -> byLevel.merge(k, v, Long::sum));
      other.overdueByLevel.forEach((k, v) -> overdueByLevel.merge(k, v, Long::sum));
      other.byCategory.forEach((k, v) -> byCategory.merge(k, v, Long::sum));
      other.byPriority.forEach((k, v) -> byPriority.merge(k, v, Long::sum));
      roundsCompleted += other.roundsCompleted;
      roundsOpen += other.roundsOpen;
      roundsMissed += other.roundsMissed;
      roundsMissedDayBefore += other.roundsMissedDayBefore;
      late += other.late;
      campaigns.addAll(other.campaigns);
      packsPlanned += other.packsPlanned;
      packsDelivered += other.packsDelivered;
      packsNotYetDelivered += other.packsNotYetDelivered;
      packsMissed += other.packsMissed;
    }

    CarePackFigures carePacks() {
      return new CarePackFigures(campaigns.size(), packsPlanned, packsDelivered, packsNotYetDelivered, packsMissed);
    }

    HelpRequestFigures helpRequests() {
      return new HelpRequestFigures(open, dueSoon, overdue, ordered(byLevel), ordered(overdueByLevel),
          ordered(byCategory), ordered(byPriority));
    }

    CheckInFigures checkIns() {
      return new CheckInFigures(roundsCompleted, roundsOpen, roundsMissed, roundsMissedDayBefore);
    }

    private static Map<String, Long> ordered(Map<String, Long> map) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static Map<String, Long> zeros(List<String> keys) {
      Map<String, Long> map = new LinkedHashMap<>();
      keys.forEach(key -> map.put(key, 0L));
      return map;
    }
  }
}
