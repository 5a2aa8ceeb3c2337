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
 * process definition), with {@code random_page_cost} 1.1 on our connections (application-postgres
 * and -production), make it look each task's grants up by index instead: about 70 ms
 * (src/benchmark/RESULTS.md). A generic plan of a prepared statement cannot use the statistics, so
 * the permission-checked queries are never prepared on the server and are planned with their
 * parameters at every execution ({@link PermissionCheckPlans}); every other statement keeps
 * PostgreSQL's plan cache. A partial index of the '*' grants a task query can use then halves each
 * task's lookup (RESULTS.md, third round). On H2 (demo mode) there is nothing to do.
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
      // the '*' grants a task query can use, and no other: its join probes the resource index
      // once per task for the task's own grants, its process definition's, and the '*' ones; the
      // last returned every '*' grant of every kind (46 rows, each read from the table and
      // discarded) for each of 4,500 tasks. The predicate adds the task query's own condition, as
      // PostgreSQL sees it with its parameters in place (PermissionCheckPlans: a custom plan), so
      // that the planner can tell that this index holds all the '*' grants it needs. Only '*' rows:
      // an index of every usable grant was tried, and the planner then read all of them once and
      // compared each task with each (a companion's 500 tasks with 500 grants: 250,000
      // comparisons, 50 ms).
      jdbc.execute(
          "create index if not exists bansou_auth_any_task_read on act_ru_authorization"
              + " (resource_id_) where resource_id_ = '*' and type_ < 2"
              + " and (resource_type_ = 7 and perms_ & 2 = 2 or resource_type_ = 6 and perms_ & 64 = 64)");
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
