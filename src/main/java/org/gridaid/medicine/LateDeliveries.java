package org.gridaid.medicine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridaid.shared.Coverage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Deliveries running late, per grid, for the supervisors' dashboard: open deliveries whose process
 * reported a step late to the street office (the pharmacy, the sourcing, the delivery to the door
 * or the cold chain: the timeline entries of {@link DeliveryEventType} that say so). One grouped query.
 */
@Service
public class LateDeliveries {

  private static final List<String> LATE = List.of(DeliveryEventType.PHARMACY_OVERDUE.name(),
      DeliveryEventType.SOURCING_OVERDUE.name(), DeliveryEventType.DELIVERY_LATE.name(),
      DeliveryEventType.COLD_CHAIN_LATE.name());

  private final JdbcClient jdbc;

  LateDeliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The open deliveries of the coverage's grids that are running late, counted per grid. */
  public Map<String, Long> perGrid(Coverage coverage) {
    if (!coverage.everywhere() && coverage.gridCodes().isEmpty()) {
      return Map.of();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("open", DeliveryStatus.openCodes());
    params.put("late", LATE);
    String grids = "";
    if (!coverage.everywhere()) {
      params.put("grids", new ArrayList<>(coverage.gridCodes()));
      grids = " and d.grid_code in (:grids)";
    }
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
}
