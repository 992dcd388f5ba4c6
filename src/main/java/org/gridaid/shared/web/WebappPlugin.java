package org.gridaid.shared.web;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.plugin.resource.PluginResourceOverride;
import org.camunda.bpm.webapp.plugin.spi.AppPlugin;

/**
 * What a plugin of ours to Cockpit or Tasklist shares: an id, one root resource answering at
 * {@code /camunda/api/<app>/plugin/<id>/...}, and its front end in {@code plugin-webapp/<id>} on
 * the classpath ({@code app/plugin.js}, {@code app/plugin.css}), overriding none of Camunda's
 * resources. A plugin adds its app's interface ({@code CockpitPlugin}, {@code TasklistPlugin}),
 * not the SPI's {@code impl} base class: webapp internals stay in {@code shared.engine}.
 */
public abstract class WebappPlugin implements AppPlugin {

  private final String id;
  private final Class<?> rootResource;

  protected WebappPlugin(String id, Class<?> rootResource) {
    this.id = id;
    this.rootResource = rootResource;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(rootResource);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + id;
  }

  @Override
  public List<PluginResourceOverride> getResourceOverrides() {
    return List.of();
  }
}
