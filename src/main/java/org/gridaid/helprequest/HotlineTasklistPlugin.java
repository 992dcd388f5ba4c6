package org.gridaid.helprequest;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin;
import org.camunda.bpm.webapp.plugin.resource.PluginResourceOverride;

/**
 * Tasklist's plugin for the hotline: after 热线诉求 starts, the operator reads the case number,
 * tracking code, priority and grid to the caller, and opens the case (the script
 * {@code app/tasklist/scripts/grid-aid/hotline-case.js} asks {@link HotlinePluginRootResource}).
 * Public, as Camunda's webapp finds it through {@code META-INF/services}.
 */
public class HotlineTasklistPlugin implements TasklistPlugin {

  static final String ID = "grid-aid-hotline";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(HotlinePluginRootResource.class);
  }

  /** {@code plugin-webapp/grid-aid-hotline/app/plugin.js} and {@code plugin.css} on the classpath. */
  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }

  @Override
  public List<PluginResourceOverride> getResourceOverrides() {
    return List.of();
  }
}
