package org.gridaid.shared.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
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

  EngineJobs(ObjectProvider<EngineJob> jobs) {
    this.jobs = jobs;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
    jobs.orderedStream().forEach(job -> handlers.add(new Handler(job)));
    configuration.setCustomJobHandlers(handlers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    commands = configuration.getCommandExecutorTxRequired();
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
      if (due != null) {
        job.setDuedate(Date.from(due));
      }
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
