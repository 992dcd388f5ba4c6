package org.gridaid.helprequest;

import org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin;
import org.gridaid.shared.web.WebappPlugin;

/**
 * Tasklist's plugin for the hotline: after 热线诉求 starts, the operator reads the case number,
 * tracking code, priority and grid to the caller, and opens the case (the script
 * {@code app/tasklist/scripts/grid-aid/hotline-case.js} asks {@link HotlinePluginRootResource}).
 * Public, as Camunda's webapp finds it through {@code META-INF/services}.
 */
public class HotlineTasklistPlugin extends WebappPlugin implements TasklistPlugin {

  static final String ID = "grid-aid-hotline";

  public HotlineTasklistPlugin() {
    super(ID, HotlinePluginRootResource.class);
  }
}
