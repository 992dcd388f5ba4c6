package org.gridaid.organisation;

/**
 * Who set a password: a person, whose choice follows the engine's password policy, or the
 * system (the demo accounts' password), which skips it.
 */
enum PasswordOrigin {
  PERSON,
  SYSTEM
}
