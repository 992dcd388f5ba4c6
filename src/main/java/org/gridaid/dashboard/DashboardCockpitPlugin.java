package org.gridaid.dashboard;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin;
import org.camunda.bpm.webapp.plugin.resource.PluginResourceOverride;

/**
 * 督办看板 in Cockpit: a plugin of Cockpit's own (registered in
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}). Its resource
 * answers at {@code /camunda/api/cockpit/plugin/grid-aid-dashboard/<engine>/...}; its front end,
 * {@code plugin-webapp/grid-aid-dashboard/app/plugin.js}, is loaded by Cockpit itself as every
 * server-side plugin's is (so it is not also listed in {@code scripts/config.js}, which would run it
 * twice). It implements Camunda's plugin interface rather than extending its {@code spi.impl} base
 * class: engine and webapp internals stay in {@code shared.engine}.
 */
public class DashboardCockpitPlugin implements CockpitPlugin {

  public static final String ID = "grid-aid-dashboard";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(DashboardPluginResource.class);
  }

  /** {@code plugin-webapp/grid-aid-dashboard} on the classpath: {@code app/plugin.js} and {@code app/plugin.css}. */
  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }

  @Override
  public List<PluginResourceOverride> getResourceOverrides() {
    return List.of();
  }

  /** No MyBatis queries of its own: the figures come from the application's modules. */
  @Override
  public List<String> getMappingFiles() {
    return List.of();
  }
}
