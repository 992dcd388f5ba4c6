package org.gridaid.shared.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.gridaid.shared.GridAidSettings;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine settings the starter has no property for. Deploy changed resources only, so a
 * restart or a second node does not create new versions of unchanged processes and forms;
 * decision tables evaluate literal cells once (see {@link LiteralFeelCache}); personal
 * variables stay out of history (see {@link PersonalVariables}).
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 1)
class EngineConfiguration extends AbstractCamundaConfiguration {

  private final String deploymentName;
  private final List<PersonalVariables> personalVariables;

  EngineConfiguration(GridAidSettings settings, List<PersonalVariables> personalVariables) {
    this.deploymentName = settings.deploymentName();
    this.personalVariables = personalVariables;
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setDeploymentName(deploymentName);
    configuration.setDeployChangedOnly(true);
    // a cycle from configuration (the check-in time) follows a changed setting when it next fires
    configuration.setReevaluateTimeCycleWhenDue(true);
    var decisions = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    decisions.setFeelEngineFactory(LiteralFeelCache.around(new ScalaFeelEngineFactory()));
    configuration.setDmnEngineConfiguration(decisions);
    Set<String> personal = new HashSet<>();
    personalVariables.forEach(module -> personal.addAll(module.names()));
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    // a mutable list: the starter adds its history event publisher after us
    configuration.setCustomHistoryEventHandlers(EngineLists.and(configuration.getCustomHistoryEventHandlers(),
        List.<HistoryEventHandler>of(new PersonalDataFreeHistory(personal))));
  }
}
