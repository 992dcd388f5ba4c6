package org.gridaid.shared.engine;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's job executor for the modules' own background work ({@link EngineJob} beans):
 * no home-made queue, and any node of the cluster runs any job.
 */
@Component
public class EngineJobs extends AbstractProcessEnginePlugin {

  private final ObjectProvider<EngineJob> jobs;
  private CommandExecutor commands;
  private ManagementService management;
  private String lockOwner;
  /**
   * How long a job run at once is kept from the executors: longer than such a run takes, short
   * enough that a run cut off with the database (whose failure could not even be recorded) is
   * taken up by an executor soon after the database is back.
   */
  private static final long INLINE_LOCK_MILLIS = 30_000;

  EngineJobs(ObjectProvider<EngineJob> jobs) {
    this.jobs = jobs;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = jobs.orderedStream().<JobHandler>map(Handler::new).toList();
    configuration.setCustomJobHandlers(EngineLists.and(configuration.getCustomJobHandlers(), handlers));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    commands = configuration.getCommandExecutorTxRequired();
    management = configuration.getManagementService();
    JobExecutor executor = configuration.getJobExecutor();
    lockOwner = executor == null ? "inline" : executor.getLockOwner();
  }

  /**
   * A job of {@code type} for {@code payload}, due at {@code due} (null: at once), in the
   * current transaction: it exists only if that commits.
   */
  public void schedule(String type, String payload, Instant due) {
    Command<Void> send = context -> {
      MessageEntity job = new MessageEntity();
      job.setJobHandlerType(type);
      job.setJobHandlerConfigurationRaw(payload);
      // due now rather than undated: executors take only dated jobs (DueDateJobAcquisition)
      job.setDuedate(due == null ? ClockUtil.getCurrentTime() : Date.from(due));
      context.getJobManager().send(job);
      return null;
    };
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      send.execute(current);
    } else {
      commands.execute(send);
    }
  }

  /**
   * Runs a job now, on this thread, unless a job executor (of this node or another) has taken
   * it: first the job is locked for this node, as an executor would lock it, so that no
   * executor acquires it meanwhile; one taken already is left to its executor. Without the lock
   * a job run here and by an executor at the same moment ran twice, one of them in vain.
   *
   * @return whether it ran here (it may have failed: then its retries count as usual)
   */
  public boolean runNowUnlessTaken(String jobId) {
    boolean locked;
    try {
      locked = commands.execute(context -> {
        JobEntity job = context.getJobManager().findJobById(jobId);
        Date now = ClockUtil.getCurrentTime();
        if (job == null || job.getLockExpirationTime() != null && job.getLockExpirationTime().after(now)) {
          return false;
        }
        job.setLockOwner(lockOwner);
        job.setLockExpirationTime(new Date(now.getTime() + INLINE_LOCK_MILLIS));
        return true;
      });
    } catch (OptimisticLockingException e) {
      // an executor locked it in the same moment
      return false;
    }
    if (locked) {
      management.executeJob(jobId);
    }
    return locked;
  }

  private record Payload(String value) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return value;
    }
  }

  private record Handler(EngineJob job) implements JobHandler<Payload> {

    @Override
    public String getType() {
      return job.type();
    }

    @Override
    public void execute(Payload payload, ExecutionEntity execution, CommandContext context, String tenantId) {
      try {
        job.run(payload.value());
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("Job " + job.type() + " failed", e);
      }
    }

    @Override
    public Payload newConfiguration(String canonicalString) {
      return new Payload(canonicalString);
    }

    @Override
    public void onDelete(Payload payload, JobEntity jobEntity) {
      // the module's own rows keep the record
    }
  }
}
