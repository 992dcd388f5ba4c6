package org.gridaid.checkin;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridaid.shared.Coverage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** How the grids' check-in rounds of a day stand, for the supervisors' dashboard: one grouped query. */
@Service
public class RoundFigures {

  private final JdbcClient jdbc;
  private final CheckInSchedule schedule;

  RoundFigures(JdbcClient jdbc, CheckInSchedule schedule) {
    this.jdbc = jdbc;
    this.schedule = schedule;
  }

  /** The rounds of one grid and day by status. */
  public record GridRounds(String gridCode, long completed, long open, long missed) {}

  /** The day whose lists went out last: today from {@code daily-at} on, yesterday before it. */
  public LocalDate currentDay() {
    LocalDate today = schedule.today();
    return schedule.startOf(today).isAfter(schedule.clockInstant()) ? today.minusDays(1) : today;
  }

  /** The rounds of {@code day} in the coverage's grids, per grid; grids without a round that day are left out. */
  public List<GridRounds> of(Coverage coverage, LocalDate day) {
    if (!coverage.everywhere() && coverage.gridCodes().isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("day", Date.valueOf(day));
    String grids = "";
    if (!coverage.everywhere()) {
      params.put("grids", new ArrayList<>(coverage.gridCodes()));
      grids = " and grid_code in (:grids)";
    }
    return jdbc.sql("""
            select grid_code,
              sum(case when status = 'COMPLETED' then 1 else 0 end) as completed,
              sum(case when status = 'OPEN' then 1 else 0 end) as open_rounds,
              sum(case when status = 'MISSED' then 1 else 0 end) as missed
            from check_in_round where check_day = :day%s group by grid_code""".formatted(grids))
        .params(params)
        .query((rs, row) -> new GridRounds(rs.getString("grid_code"), rs.getLong("completed"), rs.getLong("open_rounds"),
            rs.getLong("missed")))
        .list();
  }
}
