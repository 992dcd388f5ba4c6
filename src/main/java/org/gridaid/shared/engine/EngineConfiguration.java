package org.gridaid.shared.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine settings the starter has no property for. Deploy changed resources only, so a
 * restart or a second node does not create new versions of unchanged processes and forms;
 * decision tables evaluate literal cells once (see {@link LiteralFeelCache}).
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 1)
class EngineConfiguration extends AbstractCamundaConfiguration {

  private final String deploymentName;

  EngineConfiguration(@Value("${gridaid.deployment-name}") String deploymentName) {
    this.deploymentName = deploymentName;
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setDeploymentName(deploymentName);
    configuration.setDeployChangedOnly(true);
    var decisions = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    decisions.setFeelEngineFactory(LiteralFeelCache.around(new ScalaFeelEngineFactory()));
    configuration.setDmnEngineConfiguration(decisions);
  }
}
