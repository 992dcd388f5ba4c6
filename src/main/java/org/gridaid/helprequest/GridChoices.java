package org.gridaid.helprequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.springframework.stereotype.Component;

/**
 * The grids a form offers where a person names one (人工指定网格, 改派网格): a select filled from
 * the organisation register, so that a typo cannot send a case nowhere. Set on the task as it is
 * created, so a grid added since is there too.
 */
@Component
class GridChoices {

  /** The task-local JSON list the forms' selects read ({@code valuesKey}). */
  static final String VARIABLE = "gridOptions";

  private final AreaDirectory areas;
  private final ObjectMapper json;

  GridChoices(AreaDirectory areas, ObjectMapper json) {
    this.areas = areas;
    this.json = json;
  }

  void offer(DelegateTask task) {
    List<Map<String, String>> options = areas.roots().stream()
        .flatMap(root -> areas.subtree(root.code()).stream())
        .filter(area -> area.level() == AreaLevel.GRID)
        .map(grid -> Map.of("label", label(grid), "value", grid.code()))
        .toList();
    try {
      task.setVariableLocal(VARIABLE, SpinValues.jsonValue(json.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Grid options could not be written", e);
    }
  }

  /** 外海街道 银泉社区第1网格 (JH-WH-YQ-01): the street tells apart grids of the same name. */
  private String label(Area grid) {
    String street = areas.enclosing(grid.code(), AreaLevel.STREET).map(Area::name).orElse("");
    return (street + " " + grid.name() + " (" + grid.code() + ")").strip();
  }
}
