package org.gridaid.shared.engine;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda's password policy, on for every password a person sets, through any door: the
 * engine API, Camunda Admin, staff registration. A password needs {@code minLength}
 * characters and must not contain the user's id, names or e-mail address.
 *
 * <p>Passwords the system writes are not chosen by anybody and skip the policy (see
 * {@link SystemPasswords}): the demo accounts' {@code demo} and the random password of a
 * locked-out account. So does the configured administrator, whom the starter's
 * {@code CreateAdminUserConfiguration} creates while the engine is built, with the starter's
 * other configurations (order {@code DEFAULT_ORDER}); {@code AdminPasswordGuard} has checked
 * that password before the application started. The policy comes on after them, before the
 * application serves a request or loads its data.
 *
 * <p>The engine refuses a password against the policy with a plain ProcessEngineException,
 * which its REST API answers with 500. {@link PolicyRefusalIsTheCallersFault} makes it the
 * caller's 400, with the rules spelt out.
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 1)
class PasswordPolicyConfiguration extends AbstractCamundaConfiguration {

  private final PasswordPolicy policy;
  private final String explanation;

  PasswordPolicyConfiguration(PasswordPolicySettings settings) {
    List<PasswordPolicyRule> rules = List.of(
        new PasswordPolicyLengthRuleImpl(settings.minLength()),
        new PasswordPolicyUserDataRuleImpl());
    this.policy = () -> rules;
    this.explanation = "Password does not match policy: at least " + settings.minLength()
        + " characters, without the user id, first or last name or e-mail address in it";
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setPasswordPolicy(policy);
    configuration.setCustomPreCommandInterceptorsTxRequired(EngineLists.and(
        configuration.getCustomPreCommandInterceptorsTxRequired(),
        List.<CommandInterceptor>of(new PolicyRefusalIsTheCallersFault(explanation))));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    // read by the engine at every password change, so it applies from here on
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).setEnablePasswordPolicy(true);
  }

  /** Turns the engine's refusal of a password into a BadUserRequestException (REST: 400). */
  static final class PolicyRefusalIsTheCallersFault extends CommandInterceptor {

    /** What SaveUserCmd says when the policy refuses a password. */
    static final String REFUSAL = "Password does not match policy";

    private final String explanation;

    PolicyRefusalIsTheCallersFault(String explanation) {
      this.explanation = explanation;
    }

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        if (command instanceof SaveUserCmd && e.getClass() == ProcessEngineException.class
            && REFUSAL.equals(e.getMessage())) {
          throw new BadUserRequestException(explanation, e);
        }
        throw e;
      }
    }
  }
}
