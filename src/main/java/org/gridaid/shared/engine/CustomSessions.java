package org.gridaid.shared.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** The engine's sessions of a type (its managers) made by a factory of ours instead; set before init(). */
final class CustomSessions {

  static void use(ProcessEngineConfigurationImpl configuration, SessionFactory factory) {
    configuration.setCustomSessionFactories(EngineLists.and(configuration.getCustomSessionFactories(),
        List.of(factory)));
  }

  private CustomSessions() {}
}
