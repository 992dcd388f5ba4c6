package org.gridaid.shared.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Job executors take the jobs due first, and find them through an index on the due date. Every
 * open case waits on a timer, so a city's job table holds hundreds of thousands of rows; the
 * engine's default acquisition (any due job, due date null allowed) reads the table from the
 * start each time, and again to find the jobs other executors are running: 15 ms a try at 20,000
 * jobs. With 10,000 deadlines falling due at once two nodes spent most of the database's time
 * looking for jobs rather than running them.
 *
 * <p>With {@code jobExecutorAcquireByDueDate} and {@code ensureJobDueDateNotNull} (application.yaml)
 * every job has a due date (a continuation: the moment it was made) and a try is a range scan of
 * the index below, beside a look at the few jobs locked right now (a partial index of its own). A job made before these settings without a due date gets the time it was made,
 * so it is not left behind.
 */
@Component
public class DueDateJobAcquisition extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(DueDateJobAcquisition.class);
  static final String INDEX = "gridaid_act_ru_job_duedate";
  static final String LOCKED_INDEX = "gridaid_act_ru_job_locked";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!configuration.isJobExecutorAcquireByDueDate() || !configuration.isEnsureJobDueDateNotNull()) {
      return;
    }
    // the schema exists now; a node starting beside this one waits (OneNodeStartsAtATime)
    JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
    jdbc.execute("create index if not exists " + INDEX + " on ACT_RU_JOB (DUEDATE_)");
    // the jobs being run now, which a try leaves to their node (exclusive jobs of one process
    // instance run one at a time): a few dozen rows, instead of a read of the whole table each try
    jdbc.execute("create index if not exists " + LOCKED_INDEX + " on ACT_RU_JOB (LOCK_EXP_TIME_)"
        + ("postgres".equals(configuration.getDatabaseType()) ? " where LOCK_EXP_TIME_ is not null" : ""));
    int dated = jdbc.update("update ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp)"
        + " where DUEDATE_ is null");
    if (dated > 0) {
      log.info("{} jobs without a due date are due from when they were made", dated);
    }
  }
}
