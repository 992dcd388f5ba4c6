package org.gridaid.donations;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.gridaid.donations.DonationReport.DayLine;
import org.gridaid.donations.DonationReport.SiteLine;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.supplies.Movement;
import org.gridaid.supplies.MovementKind;
import org.gridaid.supplies.ReferenceType;
import org.gridaid.supplies.StockLedger;
import org.gridaid.supplies.SupplyItem;
import org.gridaid.supplies.SupplyItems;
import org.gridaid.supplies.SupplySite;
import org.gridaid.supplies.SupplySites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the transparency report of an appeal and keeps it for {@code gridaid.donations.report-cache}
 * (a public page read by many at once is computed once in that time on each node).
 */
@Component
class DonationReports {

  private record Cached(DonationReport report, Instant until) {}

  private final Appeals appeals;
  private final JdbcClient jdbc;
  private final StockLedger ledger;
  private final SupplyItems items;
  private final SupplySites sites;
  private final DonationSettings settings;
  private final Clock clock;
  private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

  DonationReports(Appeals appeals, JdbcClient jdbc, StockLedger ledger, SupplyItems items, SupplySites sites,
      DonationSettings settings, Clock clock) {
    this.appeals = appeals;
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.items = items;
    this.sites = sites;
    this.settings = settings;
    this.clock = clock;
  }

  /** The report, at most {@code report-cache} old. 404 for an appeal nobody knows. */
  DonationReport of(long appealId) {
    Instant now = clock.instant();
    Cached cached = cache.get(appealId);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.report();
    }
    DonationReport report = build(appealId);
    Duration keep = settings.reportCache();
    if (!keep.isZero()) {
      if (cache.size() > 1000) {
        cache.clear();
      }
      cache.put(appealId, new Cached(report, now.plus(keep)));
    }
    return report;
  }

  /** The report as it is now, uncached. */
  @Transactional(readOnly = true)
  DonationReport build(long appealId) {
    Appeal appeal = appeals.find(appealId).orElseThrow(() -> new NotFoundException("Appeal", String.valueOf(appealId)));
    Appeals.Progress progress = appeals.progress(appealId);
    return appeal.kind() == AppealKind.GOODS ? goods(appeal, progress) : money(appeal, progress);
  }

  /** Sums by site and by day, in the appeal's unit. */
  private static final class Sums {
    final Map<String, long[]> bySite = new TreeMap<>();
    final Map<LocalDate, long[]> byDay = new TreeMap<>();
    final long[] total = new long[3];

    void add(String site, LocalDate day, int column, long amount) {
      if (site != null) {
        bySite.computeIfAbsent(site, k -> new long[3])[column] += amount;
      }
      byDay.computeIfAbsent(day, k -> new long[3])[column] += amount;
      total[column] += amount;
    }
  }

  private static final int PLEDGED = 0;
  private static final int RECEIVED = 1;
  private static final int GIVEN_OUT = 2;

  private DonationReport goods(Appeal appeal, Appeals.Progress progress) {
    Sums sums = new Sums();
    appeal.siteCodes().forEach(site -> sums.bySite.put(site, new long[3]));
    record Pledged(long id, String siteCode, int quantity, Instant at) {}
    List<Pledged> pledges = jdbc.sql("""
            select id, site_code, quantity, pledged_at from donation_pledge
            where appeal_id = ? and status <> 'CANCELLED'""")
        .param(appeal.id()).query((rs, row) -> new Pledged(rs.getLong("id"), rs.getString("site_code"),
            rs.getInt("quantity"), instant(rs, "pledged_at"))).list();
    Set<String> references = pledges.stream().map(p -> PledgeService.reference(p.id()).id())
        .collect(Collectors.toSet());
    for (Pledged p : pledges) {
      sums.add(p.siteCode(), day(p.at()), PLEDGED, p.quantity());
    }
    List<Movement> atSites = new ArrayList<>();
    for (String site : appeal.siteCodes()) {
      atSites.addAll(ledger.movementsAt(site, appeal.itemCode(), appeal.openedAt()));
    }
    Set<String> donatedBatches = pledges.stream().map(p -> PledgeService.batch(p.id())).collect(Collectors.toSet());
    // a transfer between two of the appeal's sites keeps the goods in the appeal: both halves are in the list
    Set<Long> transfersWithin = new HashSet<>();
    for (Movement m : atSites) {
      if (m.kind() == MovementKind.TRANSFER_IN && m.counterpartId() != null) {
        transfersWithin.add(m.counterpartId());
      }
    }
    for (Movement m : atSites) {
      LocalDate day = day(m.occurredAt());
      if (m.kind() == MovementKind.RECEIVE && m.reference() != null
          && m.reference().type() == ReferenceType.DONATION && references.contains(m.reference().id())) {
        sums.add(m.siteCode(), day, RECEIVED, m.quantity());
      } else if (donatedBatches.contains(m.batch())) {
        int sign = switch (m.kind()) {
          case ISSUE -> 1;
          case RETURN -> -1;
          case TRANSFER_OUT -> transfersWithin.contains(m.id()) ? 0 : 1;
          case TRANSFER_IN -> transfersWithin.contains(m.counterpartId()) ? 0 : -1;
          default -> 0;
        };
        if (sign != 0) {
          sums.add(m.siteCode(), day, GIVEN_OUT, sign * (long) m.quantity());
        }
      }
    }
    SupplyItem item = items.find(appeal.itemCode()).orElse(null);
    List<SiteLine> bySite = new ArrayList<>();
    sums.bySite.forEach((code, s) -> bySite.add(new SiteLine(code, sites.find(code).map(SupplySite::name).orElse(code),
        s[PLEDGED], s[RECEIVED], s[GIVEN_OUT])));
    List<DayLine> byDay = new ArrayList<>();
    sums.byDay.forEach((day, s) -> byDay.add(new DayLine(day, s[PLEDGED], s[RECEIVED], s[GIVEN_OUT])));
    return new DonationReport(appeal.id(), appeal.title(), appeal.kind(), appeal.kind().label(),
        item == null ? appeal.itemCode() : item.name(), item == null ? null : item.unit(), appeal.target(),
        appeal.status(), appeal.status().label(), appeal.deadline(), progress.pledges(), sums.total[PLEDGED],
        sums.total[RECEIVED], sums.total[GIVEN_OUT], bySite, byDay, clock.instant());
  }

  private DonationReport money(Appeal appeal, Appeals.Progress progress) {
    Sums sums = new Sums();
    record Entry(long fen, boolean confirmed, Instant recordedAt, Instant confirmedAt) {}
    List<Entry> entries = jdbc.sql("""
            select amount_fen, status, recorded_at, confirmed_at from donation_gift
            where appeal_id = ? and status <> 'NOT_RECEIVED'""")
        .param(appeal.id()).query((rs, row) -> new Entry(rs.getLong("amount_fen"),
            "CONFIRMED".equals(rs.getString("status")), instant(rs, "recorded_at"), instant(rs, "confirmed_at")))
        .list();
    for (Entry e : entries) {
      sums.add(null, day(e.recordedAt()), PLEDGED, e.fen());
      if (e.confirmed()) {
        sums.add(null, day(e.confirmedAt()), RECEIVED, e.fen());
      }
    }
    List<DayLine> byDay = new ArrayList<>();
    sums.byDay.forEach((day, s) -> byDay.add(new DayLine(day, Money.yuan(s[PLEDGED]), Money.yuan(s[RECEIVED]), null)));
    return new DonationReport(appeal.id(), appeal.title(), appeal.kind(), appeal.kind().label(), null, "元",
        Money.yuan(appeal.target()), appeal.status(), appeal.status().label(), appeal.deadline(), progress.pledges(),
        Money.yuan(sums.total[PLEDGED]), Money.yuan(sums.total[RECEIVED]), (BigDecimal) null, List.of(), byDay,
        clock.instant());
  }

  private LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, settings.zone());
  }
}
