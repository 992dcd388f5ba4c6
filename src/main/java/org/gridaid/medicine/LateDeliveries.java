package org.gridaid.medicine;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.gridaid.shared.Coverage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Deliveries running late, per grid, for the supervisors' dashboard: open deliveries whose process
 * reported a step late to the street office (the pharmacy, the sourcing, the delivery to the door
 * or the cold chain: the timeline entries of {@link DeliveryEventType} that say so). One grouped query;
 * and the deliveries behind the figure, each with its process instance.
 */
@Service
public class LateDeliveries {

  /**
   * One late delivery, without a word of its recipient. {@code processInstanceId}: its running
   * process; null when it has none or the engine's user of the call may not read it.
   *
   * @param lateSince when the first step was reported late
   * @param lateSteps what was reported late, in the words of its timeline, first first
   */
  public record LateDelivery(long id, String gridCode, DeliveryStatus status, String statusLabel, Urgency urgency,
      String urgencyLabel, Instant requestedAt, Instant lateSince, List<String> lateSteps, String processInstanceId) {}

  private static final List<String> LATE = List.of(DeliveryEventType.PHARMACY_OVERDUE.name(),
      DeliveryEventType.SOURCING_OVERDUE.name(), DeliveryEventType.DELIVERY_LATE.name(),
      DeliveryEventType.COLD_CHAIN_LATE.name());

  private final JdbcClient jdbc;
  private final HistoryService history;

  LateDeliveries(JdbcClient jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /** The open deliveries of the coverage's grids that are running late, counted per grid. */
  public Map<String, Long> perGrid(Coverage coverage) {
    if (coverage.coversNothing()) {
      return Map.of();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("open", DeliveryStatus.openCodes());
    params.put("late", LATE);
    String grids = coverage.sqlCondition("d.grid_code", params);
    Map<String, Long> late = new HashMap<>();
    jdbc.sql("""
            select d.grid_code, count(*) as n from medicine_delivery d
            where d.status in (:open)%s
              and exists (select 1 from medicine_delivery_event e where e.delivery_id = d.id and e.type in (:late))
            group by d.grid_code""".formatted(grids))
        .params(params)
        .query(rs -> {
          late.put(rs.getString("grid_code"), rs.getLong("n"));
        });
    return late;
  }

  /** The open deliveries of the coverage's grids that are running late, late longest first, at most {@code limit}. */
  public List<LateDelivery> list(Coverage coverage, int limit) {
    if (coverage.coversNothing()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("open", DeliveryStatus.openCodes());
    params.put("late", LATE);
    params.put("limit", limit);
    String grids = coverage.sqlCondition("d.grid_code", params);
    List<LateDelivery> late = jdbc.sql("""
            select * from (
              select d.id, d.grid_code, d.status, d.urgency, d.requested_at,
                (select min(e.occurred_at) from medicine_delivery_event e
                 where e.delivery_id = d.id and e.type in (:late)) as late_since
              from medicine_delivery d where d.status in (:open)%s) late_deliveries
            where late_since is not null
            order by late_since, id fetch first :limit rows only""".formatted(grids))
        .params(params)
        .query((rs, row) -> {
          DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
          Urgency urgency = Urgency.valueOf(rs.getString("urgency"));
          return new LateDelivery(rs.getLong("id"), rs.getString("grid_code"), status, status.label(), urgency,
              urgency.label(), instant(rs, "requested_at"), instant(rs, "late_since"), List.of(), null);
        })
        .list();
    if (late.isEmpty()) {
      return late;
    }
    List<Long> ids = late.stream().map(LateDelivery::id).toList();
    Map<Long, Set<String>> steps = new HashMap<>();
    jdbc.sql("""
            select delivery_id, type from medicine_delivery_event where delivery_id in (:ids) and type in (:late)
            order by occurred_at, id""")
        .param("ids", ids).param("late", LATE)
        .query(rs -> {
          steps.computeIfAbsent(rs.getLong("delivery_id"), id -> new LinkedHashSet<>())
              .add(DeliveryEventType.valueOf(rs.getString("type")).text());
        });
    Map<String, String> processes = new HashMap<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(MedicineDeliveryProcess.KEY).unfinished()
        .processInstanceBusinessKeyIn(ids.stream().map(MedicineDeliveryProcess::businessKey).toArray(String[]::new))
        .list().forEach(process -> processes.putIfAbsent(process.getBusinessKey(), process.getId()));
    return late.stream().map(d -> new LateDelivery(d.id(), d.gridCode(), d.status(), d.statusLabel(), d.urgency(),
        d.urgencyLabel(), d.requestedAt(), d.lateSince(), List.copyOf(steps.getOrDefault(d.id(), Set.of())),
        processes.get(MedicineDeliveryProcess.businessKey(d.id())))).toList();
  }
}
