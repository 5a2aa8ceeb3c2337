package jp.bansou.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * One node starts at a time on a PostgreSQL database: the first use of the data source takes a
 * session-level advisory lock, before the engine creates or updates its tables and before Flyway
 * migrates ours, and {@link StartupSequence} lets it go once the models, permissions and demo data
 * are in place. Nodes that start together on an empty database therefore do not race to create the
 * same tables, deploy the same models or create the same accounts; a node that dies while starting
 * loses its connection, and with it the lock. On H2 (one process only) there is nothing to order.
 */
@Component
public class StartupLock implements BeanPostProcessor, DisposableBean {

  /** The advisory lock's key: "bansou" in ASCII. */
  static final long KEY = 0x62616e736f75L;

  static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private Connection held;
  private boolean taken;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !taken) {
      taken = true;
      take(dataSource);
    }
    return bean;
  }

  private void take(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long started = System.nanoTime();
      boolean told = false;
      while (!tryLock(connection)) {
        if (!told) {
          LOG.info("Another node is starting on this database: waiting until it is ready.");
          told = true;
        }
        if (System.nanoTime() - started > LONGEST_WAIT.toNanos()) {
          connection.close();
          throw new IllegalStateException(
              "Another node has been starting on this database for "
                  + LONGEST_WAIT.toMinutes()
                  + " minutes; giving up.");
        }
        Thread.sleep(250);
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not order the start-up on the database", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for another node's start-up", e);
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
      result.next();
      return result.getBoolean(1);
    }
  }

  /** Start-up is done: the next node may go. */
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held;
        Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException alreadyGone) {
      // closing the connection released it anyway
    } finally {
      held = null;
    }
  }

  @Override
  public void destroy() {
    release();
  }
}
