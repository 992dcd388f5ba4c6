package org.gridaid.helprequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The grids a form offers where a person names one (人工指定网格, 改派网格): a select filled from
 * the organisation register, so that a typo cannot send a case nowhere. Set on the task as it is
 * created; a grid added since is there too.
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

  /** How long the options are reused: as long as the area directory trusts its own copy. */
  private static final Duration MAX_AGE = Duration.ofSeconds(30);

  /**
   * The options as JSON, made again when an area is added here or after {@link #MAX_AGE} (for
   * areas added on other nodes): every intake creates a task that offers them.
   */
  private volatile Options options;

  /** {@code madeAt}: System.nanoTime(), a cache's age. */
  private record Options(String json, long madeAt) {}

  void offer(DelegateTask task) {
    Options current = options;
    if (current == null || System.nanoTime() - current.madeAt() > MAX_AGE.toNanos()) {
      current = new Options(optionsJson(), System.nanoTime());
      options = current;
    }
    task.setVariableLocal(VARIABLE, SpinValues.jsonValue(current.json()).create());
  }

  @EventListener
  void areaAdded(AreaDirectory.AreaCreated created) {
    options = null;
  }

  private String optionsJson() {
    List<Map<String, String>> grids = areas.roots().stream()
        .flatMap(root -> areas.subtree(root.code()).stream())
        .filter(area -> area.level() == AreaLevel.GRID)
        .map(grid -> Map.of("label", label(grid), "value", grid.code()))
        .toList();
    try {
      return json.writeValueAsString(grids);
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
