package org.gridaid.test;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * Runs what the job executor would run next for a case started in Tasklist or over the engine
 * API (its triage and routing after 登记诉求): the tests switch the job executor off.
 */
public final class PendingJobs {

  private PendingJobs() {}

  public static void runFor(ProcessEngine engine, String businessKey) {
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .forEach(process -> runForProcess(engine, process.getId()));
  }

  /** {@link #runFor} one process instance, by its id. */
  public static void runForProcess(ProcessEngine engine, String processInstanceId) {
    var management = engine.getManagementService();
    management.createJobQuery().processInstanceId(processInstanceId).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
  }
}
