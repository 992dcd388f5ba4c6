package org.gridaid.shared.engine;

import java.util.Set;

/**
 * Process variables of a module that carry personal data (names, phones, addresses,
 * descriptions). They live in the running process for the task forms that need them, and
 * are never written to the engine's history.
 */
public interface PersonalVariables {

  Set<String> names();
}
