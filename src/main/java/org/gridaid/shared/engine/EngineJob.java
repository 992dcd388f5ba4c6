package org.gridaid.shared.engine;

/**
 * Work a module hands to the engine's job executor with {@link EngineJobs#schedule}: it runs
 * after the scheduling transaction commits, on whichever node of the cluster acquires it, and
 * a failure becomes the engine's retry and, in the end, an incident in Cockpit.
 */
public interface EngineJob {

  /** The job type, unique in the application. */
  String type();

  /** Does the work named by {@code payload}, in a transaction of the job executor. */
  void run(String payload) throws Exception;
}
