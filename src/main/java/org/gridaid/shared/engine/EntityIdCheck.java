package org.gridaid.shared.engine;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks every row it inserts for a usable id, and built the message for a failure
 * first, every time: the row described in full, history rows with their values. That was 7% of
 * the CPU of the job executors' work ({@code DeadlineBurstBenchmark}, JFR). Here the message is
 * built, by the engine's own check, only when the id is missing or the reserved {@code *}.
 */
@Component
public class EntityIdCheck extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the id generator is made in init(), after this; the engine's factory is asked for it then
    CustomSessions.use(configuration, new DbEntityManagerFactory(null) {
      @Override
      public DbEntityManager openSession() {
        return new DescribedOnlyWhenInvalid(configuration.getIdGenerator(),
            Context.getCommandContext().getSession(PersistenceSession.class));
      }
    });
  }

  /** The engine's entity manager with the id check done before the failure is described. */
  static class DescribedOnlyWhenInvalid extends DbEntityManager {

    DescribedOnlyWhenInvalid(IdGenerator ids, PersistenceSession session) {
      super(ids, session);
    }

    @Override
    protected void validateId(DbEntity entity) {
      String id = entity.getId();
      if (id == null || Authorization.ANY.equals(id)) {
        super.validateId(entity);
      }
    }
  }
}
