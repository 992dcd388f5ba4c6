package org.gridaid.shared.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * Saves a user whose password the system wrote rather than a person chose: demo data, the
 * random password that locks an account. These skip the password policy (see
 * {@link PasswordPolicyConfiguration}); every password a person chooses is saved with
 * {@link IdentityService#saveUser} and follows it.
 */
public final class SystemPasswords {

  private SystemPasswords() {}

  public static void saveUser(IdentityService identity, User user) {
    ((IdentityServiceImpl) identity).saveUser(user, true);
  }
}
