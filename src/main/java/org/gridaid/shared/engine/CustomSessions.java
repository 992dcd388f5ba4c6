package org.gridaid.shared.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** The engine's sessions of a type (its managers) made by a factory of ours instead; set before init(). */
final class CustomSessions {

  static void use(ProcessEngineConfigurationImpl configuration, SessionFactory factory) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(factory);
    configuration.setCustomSessionFactories(factories);
  }

  private CustomSessions() {}
}
