package org.gridaid.dashboard;

import java.util.List;
import org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin;
import org.gridaid.shared.web.WebappPlugin;

/**
 * 督办看板 in Cockpit: a plugin of Cockpit's own (registered in
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}). Its resource
 * answers at {@code /camunda/api/cockpit/plugin/grid-aid-dashboard/<engine>/...}; its front end,
 * {@code plugin-webapp/grid-aid-dashboard/app/plugin.js}, is loaded by Cockpit itself as every
 * server-side plugin's is (so it is not also listed in {@code scripts/config.js}, which would run it
 * twice).
 */
public class DashboardCockpitPlugin extends WebappPlugin implements CockpitPlugin {

  public static final String ID = "grid-aid-dashboard";

  public DashboardCockpitPlugin() {
    super(ID, DashboardPluginResource.class);
  }

  /** No MyBatis queries of its own: the figures come from the application's modules. */
  @Override
  public List<String> getMappingFiles() {
    return List.of();
  }
}
