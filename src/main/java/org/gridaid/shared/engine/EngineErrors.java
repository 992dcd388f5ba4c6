package org.gridaid.shared.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.gridaid.shared.web.InvalidInputException;

/** Engine calls made for an API request: a form a listener refused is the caller's 400. */
public final class EngineErrors {

  private EngineErrors() {}

  public static RuntimeException asInputError(ProcessEngineException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return e;
  }
}
