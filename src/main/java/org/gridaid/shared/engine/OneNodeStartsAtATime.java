package org.gridaid.shared.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes started together on one PostgreSQL start one after the other: from before the engine
 * creates or checks its tables until the application is ready (the admin user, the identity
 * sync, the filters, the demo data and the check-in timer's time all done), a node holds a
 * session-level advisory lock, and the next one waits for it. Without it two engines creating
 * the schema at once collide (ENGINE-03015, duplicate key on pg_type) and one node dies.
 *
 * <p>The lock lives on a connection of its own: if the node dies while starting, the database
 * ends its session and the lock with it. Another database (H2 in tests and the quick start) has
 * one node only: nothing to order.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class OneNodeStartsAtATime extends AbstractProcessEnginePlugin implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OneNodeStartsAtATime.class);
  /** The advisory lock's key: any number no other lock of the database uses ("GRIDAID1"). */
  static final long LOCK_KEY = 0x4752494441494431L;

  private final DataSource dataSource;
  private Connection holding;

  OneNodeStartsAtATime(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  private synchronized void acquire() {
    try {
      Connection connection = dataSource.getConnection();
      if (!connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long waitingSince = System.nanoTime();
      try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
        lock.setLong(1, LOCK_KEY);
        lock.execute();
      }
      holding = connection;
      long waited = (System.nanoTime() - waitingSince) / 1_000_000;
      if (waited > 100) {
        log.info("Waited {} ms for another node to finish starting", waited);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start lock on the database", e);
    }
  }

  /** After every ready listener (the check-in timer's time among them): the next node may start. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void started() {
    release();
  }

  @EventListener(ApplicationFailedEvent.class)
  public void failed() {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  private synchronized void release() {
    if (holding == null) {
      return;
    }
    try (Connection connection = holding;
        PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, LOCK_KEY);
      unlock.execute();
    } catch (SQLException e) {
      // closing the connection ends the lock as well
      log.warn("Could not release the start lock cleanly: {}", e.getMessage());
    } finally {
      holding = null;
    }
  }
}
