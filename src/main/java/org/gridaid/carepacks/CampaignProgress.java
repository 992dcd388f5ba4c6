package org.gridaid.carepacks;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.gridaid.shared.Coverage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How the running campaigns stand in each grid, for the supervisors' dashboard: one grouped
 * query. A household's pack counts as the campaign's report counts it ({@code GET
 * /api/v1/campaigns/{id}}): delivered; missed (refused or moved, and once the grid is done
 * everything not delivered); or not yet delivered (nobody was at the door yet, or nobody was at
 * home and somebody goes again).
 */
@Service
public class CampaignProgress {

  private final JdbcClient jdbc;
  private final HistoryService history;

  CampaignProgress(JdbcClient jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /**
   * One grid of a running campaign. {@code planned}: its households' packs (one per household and
   * pack type), {@code planned = delivered + notYetDelivered + missed}. {@code processInstanceId}:
   * the campaign's running process (every grid is a sub-process of it), only where asked for;
   * null where the engine's user of the call may not read it.
   */
  public record GridProgress(long campaignId, String campaignName, Instant deadline, String gridCode,
      GridStatus status, String statusLabel, long planned, long delivered, long notYetDelivered, long missed,
      String processInstanceId) {}

  /** The grids of the running campaigns in the coverage, by campaign and grid. */
  public List<GridProgress> perGrid(Coverage coverage) {
    if (coverage.coversNothing()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("running", CampaignStatus.RUNNING.name());
    String grids = coverage.sqlCondition("d.grid_code", params);
    record Key(long campaignId, String gridCode) {}
    Map<Key, long[]> outcomes = new LinkedHashMap<>();
    Map<Key, Object[]> grid = new HashMap<>();
    jdbc.sql("""
            select d.campaign_id, c.name, c.deadline, d.grid_code, g.status as grid_status, d.outcome, count(*) as n
            from care_pack_delivery d
              join care_pack_campaign c on c.id = d.campaign_id
              join care_pack_grid g on g.campaign_id = d.campaign_id and g.grid_code = d.grid_code
            where c.status = :running%s
            group by d.campaign_id, c.name, c.deadline, d.grid_code, g.status, d.outcome
            order by d.campaign_id, d.grid_code""".formatted(grids))
        .params(params)
        .query(rs -> {
          Key key = new Key(rs.getLong("campaign_id"), rs.getString("grid_code"));
          grid.putIfAbsent(key, new Object[] {rs.getString("name"), instant(rs, "deadline"),
              GridStatus.valueOf(rs.getString("grid_status"))});
          String outcome = rs.getString("outcome");
          long[] counts = outcomes.computeIfAbsent(key, k -> new long[DoorOutcome.values().length + 1]);
          counts[outcome == null ? DoorOutcome.values().length : DoorOutcome.valueOf(outcome).ordinal()] +=
              rs.getLong("n");
        });
    List<GridProgress> progress = new ArrayList<>();
    outcomes.forEach((key, counts) -> {
      Object[] g = grid.get(key);
      GridStatus status = (GridStatus) g[2];
      long planned = 0;
      for (long n : counts) {
        planned += n;
      }
      long delivered = counts[DoorOutcome.DELIVERED.ordinal()];
      long missed = status == GridStatus.COMPLETED ? planned - delivered
          : counts[DoorOutcome.REFUSED.ordinal()] + counts[DoorOutcome.MOVED.ordinal()];
      progress.add(new GridProgress(key.campaignId(), (String) g[0], (Instant) g[1], key.gridCode(), status,
          status.label(), planned, delivered, planned - delivered - missed, missed, null));
    });
    return progress;
  }

  /** {@link #perGrid}, each grid with its campaign's running process instance. */
  public List<GridProgress> grids(Coverage coverage) {
    List<GridProgress> grids = perGrid(coverage);
    if (grids.isEmpty()) {
      return grids;
    }
    Map<String, String> processes = new HashMap<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(CarePackProcess.KEY).unfinished()
        .processInstanceBusinessKeyIn(grids.stream().map(g -> CarePackProcess.businessKey(g.campaignId())).distinct()
            .toArray(String[]::new))
        .list().forEach(process -> processes.putIfAbsent(process.getBusinessKey(), process.getId()));
    return grids.stream().map(g -> new GridProgress(g.campaignId(), g.campaignName(), g.deadline(), g.gridCode(),
        g.status(), g.statusLabel(), g.planned(), g.delivered(), g.notYetDelivered(), g.missed(),
        processes.get(CarePackProcess.businessKey(g.campaignId())))).toList();
  }
}
