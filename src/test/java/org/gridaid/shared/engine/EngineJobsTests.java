package org.gridaid.shared.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A module's background job is due at once unless told otherwise: the job executors take only dated jobs. */
@GridAidTest
class EngineJobsTests {

  @Autowired
  EngineJobs jobs;
  @Autowired
  ManagementService management;

  @Test
  void aJobForNowIsDueNowAndOneForLaterAtItsTime() {
    Instant later = Instant.now().plusSeconds(3600);
    jobs.schedule("text-message", "ENGINE_JOBS_TEST:1", null);
    jobs.schedule("text-message", "ENGINE_JOBS_TEST:2", later);

    Job now = job("ENGINE_JOBS_TEST:1");
    assertThat(now.getDuedate()).as("due date of a job for now").isNotNull().isBeforeOrEqualTo(new Date());
    assertThat(management.createJobQuery().jobId(now.getId()).executable().count()).isOne();
    assertThat(job("ENGINE_JOBS_TEST:2").getDuedate()).isEqualTo(Date.from(later));
  }

  private Job job(String payload) {
    return management.createJobQuery().messages().list().stream()
        .filter(job -> payload.equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job)
            .getJobHandlerConfigurationRaw()))
        .findFirst().orElseThrow();
  }
}
