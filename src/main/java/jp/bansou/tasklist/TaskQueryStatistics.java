package jp.bansou.tasklist;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import jp.bansou.engine.StartupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL plan Tasklist's filters well (issue 21). Every task query joins the engine's
 * authorizations on {@code RESOURCE_ID_ IN (task, process definition, '*')} and keeps those that
 * grant a permission bit ({@code PERMS_ & 2 = 2}). PostgreSQL has no statistics for such a bit test
 * and guesses that a dozen rows match where thousands do (one per open task offered to a group), so
 * it compares every open task with every grant: 2 s for a coordinator's home filter at 4,500
 * unclaimed tasks. Statistics on the two bits the task queries test (READ on a task, READ_TASK on a
 * process definition), with {@code random_page_cost} 1.1 and {@code plan_cache_mode =
 * force_custom_plan} on our connections (application-postgres and -production; a prepared
 * statement's generic plan cannot use the statistics), make it look each task's grants up by index
 * instead: about 70 ms (src/benchmark/RESULTS.md). On H2 (demo mode) there is nothing to do.
 */
@Component
public class TaskQueryStatistics implements StartupStep {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryStatistics.class);

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  public TaskQueryStatistics(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "planner statistics for Tasklist's permission checks";
  }

  @Override
  public int getOrder() {
    return PERMISSIONS + 50;
  }

  @Override
  public void run() {
    if (!postgres()) {
      return;
    }
    try {
      // expression statistics: PostgreSQL 14 and later
      jdbc.execute(
          "create statistics if not exists bansou_auth_read on ((perms_ & 2))"
              + " from act_ru_authorization");
      jdbc.execute(
          "create statistics if not exists bansou_auth_read_task on ((perms_ & 64))"
              + " from act_ru_authorization");
      jdbc.execute("analyze act_ru_authorization");
    } catch (DataAccessException olderPostgres) {
      LOG.warn(
          "Tasklist may be slow with thousands of open tasks: no expression statistics on this"
              + " PostgreSQL ({}).",
          olderPostgres.getMostSpecificCause().getMessage());
    }
  }

  private boolean postgres() {
    try {
      return "PostgreSQL"
          .equals(
              JdbcUtils.extractDatabaseMetaData(
                  dataSource, DatabaseMetaData::getDatabaseProductName));
    } catch (MetaDataAccessException e) {
      return false;
    }
  }
}
