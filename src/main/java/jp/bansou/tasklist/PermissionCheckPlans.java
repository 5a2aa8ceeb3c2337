package jp.bansou.tasklist;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, plans the engine's permission-checked queries with their parameters at every
 * execution, and leaves every other statement to PostgreSQL's plan cache (issue 21).
 *
 * <p>A query the engine checks against the user's grants (Tasklist's task page and count, the
 * process definitions a user may start, the REST API's lists) joins the authorizations on a
 * permission bit, {@code A.PERMS_ & ? = ?}. pgjdbc prepares a statement on the server from its
 * fifth execution on a connection, and after five more PostgreSQL may switch to a generic plan,
 * which cannot use the statistics on those bits ({@link TaskQueryStatistics}): it guesses a dozen
 * grants where thousands match and compares every open task with every grant, 2 s instead of 40 ms
 * for a coordinator's filter at 4,500 tasks. {@code plan_cache_mode = force_custom_plan} on the
 * connection avoided that, but planned every statement at every execution, the engine's thousand
 * inserts and lookups by id too (src/benchmark/RESULTS.md, fourth round). Here only a statement
 * whose SQL holds the permission bit test is sent unprepared ({@link
 * PGStatement#setPrepareThreshold(int) prepare threshold} 0: PostgreSQL's unnamed statement,
 * planned with its parameters each time). On H2 nothing is added.
 *
 * <p>Not reached: Cockpit's own plugin queries (its process instance search and statistics), which
 * the webapp runs through a MyBatis configuration of its own (QuerySessionFactory); for a user who
 * is not an administrator they may get a generic plan from their tenth execution on a connection.
 */
@Component
public class PermissionCheckPlans extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    // a shared session factory (useSharedSqlSessionFactory) would meet this plugin twice
    if (mybatis.getInterceptors().stream()
        .noneMatch(UnpreparedPermissionChecks.class::isInstance)) {
      mybatis.addInterceptor(new UnpreparedPermissionChecks());
    }
  }

  /**
   * The engine's SQL for a permission bit on PostgreSQL ({@code ${bitand1}A.PERMS_${bitand2}#{…}}
   * in Camunda's Authorization.xml, {@code bitand2} being {@code " & "}).
   */
  static final Pattern PERMISSION_BIT = Pattern.compile("PERMS_\\s*&");

  static boolean checksPermissions(String sql) {
    return sql.contains("PERMS_") && PERMISSION_BIT.matcher(sql).find();
  }

  /** Sets prepare threshold 0 on each statement MyBatis prepares with a permission bit test. */
  @Intercepts(
      @Signature(
          type = StatementHandler.class,
          method = "prepare",
          args = {Connection.class, Integer.class}))
  static class UnpreparedPermissionChecks implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Statement statement = (Statement) invocation.proceed();
      StatementHandler handler = (StatementHandler) invocation.getTarget();
      if (checksPermissions(handler.getBoundSql().getSql())) {
        unprepared(statement);
      }
      return statement;
    }

    private static void unprepared(Statement statement) throws SQLException {
      if (statement.isWrapperFor(PGStatement.class)) {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
    }
  }
}
