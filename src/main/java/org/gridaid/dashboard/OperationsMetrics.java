package org.gridaid.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.gridaid.helprequest.DueState;
import org.gridaid.helprequest.EscalationLevel;
import org.gridaid.helprequest.OpenCases;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.shared.Coverage;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The gauges of {@code /actuator/prometheus} that are counted from the tables: open and overdue
 * help requests per escalation level and street ({@code gridaid_help_requests_open},
 * {@code gridaid_help_requests_overdue}, street {@code none} for cases waiting for a grid), the job
 * executor's backlog (jobs due now) and the jobs that failed for good (no retries left, an
 * incident each). Counted on scrape with one grouped query and two counts, at most once in
 * {@code gridaid.dashboard.metrics-max-age}. (The counters of escalations fired and of text
 * messages not delivered are kept where those happen, in helprequest and messaging.)
 */
@Component
class OperationsMetrics {

  static final String NO_STREET = "none";

  private final OpenCases openCases;
  private final AreaDirectory areas;
  private final ManagementService management;
  private final MeterRegistry registry;
  private final DashboardSettings settings;
  private final Clock clock;
  /** The (level, street) pairs a gauge is registered for. */
  private final Set<Key> registered = ConcurrentHashMap.newKeySet();
  private volatile Snapshot snapshot;

  private record Key(String level, String street) {}

  /** {@code takenAt}: System.nanoTime(), a cache's age. */
  private record Snapshot(Map<Key, Long> open, Map<Key, Long> overdue, long dueJobs, long failedJobs, long takenAt) {}

  OperationsMetrics(OpenCases openCases, AreaDirectory areas, ManagementService management, MeterRegistry registry,
      DashboardSettings settings, Clock clock) {
    this.openCases = openCases;
    this.areas = areas;
    this.management = management;
    this.registry = registry;
    this.settings = settings;
    this.clock = clock;
    Gauge.builder("gridaid.jobs.due", this, metrics -> metrics.snapshot().dueJobs())
        .description("Jobs of the engine's job executor that are due and not yet done (timers, async steps,"
            + " message deliveries)")
        .register(registry);
    Gauge.builder("gridaid.jobs.failed", this, metrics -> metrics.snapshot().failedJobs())
        .description("Jobs that failed with no retries left: an incident each, in Cockpit")
        .register(registry);
  }

  /** Every street has its gauges from the start, zero or not (a gauge that appears later breaks rate() and alerts). */
  @EventListener(ApplicationReadyEvent.class)
  void registerStreets() {
    for (Area root : areas.roots()) {
      for (Area street : areas.children(root.code())) {
        if (street.level() == AreaLevel.STREET) {
          registerLevels(street.code());
        }
      }
    }
    registerLevels(NO_STREET);
  }

  private void registerLevels(String street) {
    register(new Key(Dashboard.NOT_ESCALATED, street));
    for (EscalationLevel level : EscalationLevel.values()) {
      register(new Key(level.name(), street));
    }
  }

  private void register(Key key) {
    if (registered.add(key)) {
      Gauge.builder("gridaid.help_requests.open", this, metrics -> metrics.snapshot().open().getOrDefault(key, 0L))
          .description("Open help requests, by the escalation level they reached (NONE: not escalated) and street")
          .tags("level", key.level(), "street", key.street()).register(registry);
      Gauge.builder("gridaid.help_requests.overdue", this,
              metrics -> metrics.snapshot().overdue().getOrDefault(key, 0L))
          .description("Open help requests past a deadline, by escalation level and street")
          .tags("level", key.level(), "street", key.street()).register(registry);
    }
  }

  /** The figures, counted again when older than the settings allow. */
  Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null || System.nanoTime() - current.takenAt() > settings.metricsMaxAge().toNanos()) {
      current = count();
      snapshot = current;
    }
    return current;
  }

  /** The next scrape counts again (tests). */
  void forget() {
    snapshot = null;
  }

  private Snapshot count() {
    Map<Key, Long> open = new HashMap<>();
    Map<Key, Long> overdue = new HashMap<>();
    Map<String, String> streetOfGrid = new HashMap<>();
    for (OpenCases.Group group : openCases.groups(Coverage.EVERYWHERE, clock.instant(), settings.dueSoonWithin())) {
      String street = group.gridCode() == null ? NO_STREET : streetOfGrid.computeIfAbsent(group.gridCode(),
          grid -> areas.enclosing(grid, AreaLevel.STREET).map(Area::code).orElse(NO_STREET));
      Key key = new Key(group.escalationLevel() == null ? Dashboard.NOT_ESCALATED : group.escalationLevel().name(),
          street);
      register(key);
      open.merge(key, group.count(), Long::sum);
      if (group.due() == DueState.OVERDUE) {
        overdue.merge(key, group.count(), Long::sum);
      }
    }
    long dueJobs = management.createJobQuery().executable().count();
    long failedJobs = management.createJobQuery().noRetriesLeft().count();
    return new Snapshot(open, overdue, dueJobs, failedJobs, System.nanoTime());
  }
}
