package org.gridaid.checkin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.register.Vulnerability;
import org.springframework.stereotype.Component;

/** Each grid's round: who to call today, who is told when it is late, and until when. */
@Component("checkInRoundStarted")
class CheckInRoundStarted implements ExecutionListener {

  private final CheckInService checkIns;
  private final AreaDirectory areas;
  private final CheckInSchedule schedule;
  private final ObjectMapper json = new ObjectMapper();

  CheckInRoundStarted(CheckInService checkIns, AreaDirectory areas, CheckInSchedule schedule) {
    this.checkIns = checkIns;
    this.areas = areas;
    this.schedule = schedule;
  }

  @Override
  public void notify(DelegateExecution execution) throws Exception {
    CheckInRound round = checkIns.round(CheckInProcess.ROUND_ID.from(execution).get());
    CheckInProcess.GRID_CODE.on(execution).setLocal(round.gridCode());
    CheckInProcess.COMMUNITY_CODE.on(execution).setLocal(
        areas.enclosing(round.gridCode(), AreaLevel.COMMUNITY).orElseThrow().code());
    CheckInProcess.GRID_LEADER_AT.on(execution).setLocal(Date.from(schedule.gridLeaderAt(round.day())));
    CheckInProcess.COMMUNITY_AT.on(execution).setLocal(Date.from(schedule.communityAt(round.day())));
    List<Map<String, Object>> people = round.entries().stream().map(e -> Map.<String, Object>of(
        "personId", e.personId(), "name", e.personName(), "flags", labels(e.flags()))).toList();
    // a JSON value: the task form's list is bound to it and sends it back edited
    execution.setVariableLocal(CheckInProcess.PEOPLE, SpinValues.jsonValue(json.writeValueAsString(people)).create());
  }

  private static String labels(List<Vulnerability> flags) {
    return String.join("、", flags.stream().map(Vulnerability::label).toList());
  }
}
