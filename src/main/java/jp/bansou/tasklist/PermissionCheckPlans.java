package jp.bansou.tasklist;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, plans every permission-checked query with its parameters at every execution, and
 * leaves every other statement to PostgreSQL's plan cache (issue 21).
 *
 * <p>A query checked against the user's grants (Tasklist's task page and count, the process
 * definitions a user may start, the REST API's lists, Cockpit's searches) joins the authorizations
 * on a permission bit, {@code A.PERMS_ & ? = ?}. pgjdbc prepares a statement on the server from its
 * fifth execution on a connection, and after five more PostgreSQL may switch to a generic plan,
 * which cannot use the statistics on those bits ({@link TaskQueryStatistics}): it guesses a dozen
 * grants where thousands match and compares every open task with every grant, 2 s instead of 40 ms
 * for a coordinator's filter at 4,500 tasks. {@code plan_cache_mode = force_custom_plan} on the
 * connection avoided that, but planned every statement at every execution, the engine's thousand
 * inserts and lookups by id too (src/benchmark/RESULTS.md, fourth round). Here only a statement
 * whose SQL holds the permission bit test is sent unprepared ({@link
 * PGStatement#setPrepareThreshold(int) prepare threshold} 0: PostgreSQL's unnamed statement,
 * planned with its parameters each time).
 *
 * <p>The rule sits where the pool opens its connections to PostgreSQL, below the engine's MyBatis,
 * the webapps' own (Cockpit runs its plugin queries through a MyBatis configuration of its own) and
 * ours: every statement of every caller passes it. On H2 nothing changes.
 */
@Component
public class PermissionCheckPlans implements BeanPostProcessor {

  /**
   * The engine's SQL for a permission bit on PostgreSQL ({@code ${bitand1}A.PERMS_${bitand2}#{…}}
   * in Camunda's Authorization.xml, {@code bitand2} being {@code " & "}).
   */
  static final Pattern PERMISSION_BIT = Pattern.compile("PERMS_\\s*&");

  static boolean checksPermissions(String sql) {
    return sql.contains("PERMS_") && PERMISSION_BIT.matcher(sql).find();
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    // after Spring Boot bound its properties (a post-processor that runs before ours), before
    // anything asks the pool for a connection
    if (bean instanceof HikariDataSource pool
        && pool.getDataSource() == null
        && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      pool.setDataSource(
          new UnpreparedPermissionChecks(
              new DriverDataSource(
                  pool.getJdbcUrl(),
                  pool.getDriverClassName(),
                  pool.getDataSourceProperties(),
                  pool.getUsername(),
                  pool.getPassword())));
    }
    return bean;
  }

  /** PostgreSQL's connections, each setting prepare threshold 0 on a permission-checked query. */
  static class UnpreparedPermissionChecks extends DelegatingDataSource {

    UnpreparedPermissionChecks(DataSource postgres) {
      super(postgres);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return watched(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return watched(super.getConnection(username, password));
    }

    static Connection watched(Connection connection) {
      InvocationHandler handler =
          (proxy, method, args) -> {
            switch (method.getName()) {
              case "equals":
                return proxy == args[0];
              case "hashCode":
                return System.identityHashCode(proxy);
              default:
                break;
            }
            Object result;
            try {
              result = method.invoke(connection, args);
            } catch (InvocationTargetException failed) {
              throw failed.getCause();
            }
            if (isPermissionChecked(method, args) && result instanceof PGStatement statement) {
              statement.setPrepareThreshold(0);
            }
            return result;
          };
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static boolean isPermissionChecked(Method method, Object[] args) {
      return method.getName().equals("prepareStatement")
          && args != null
          && args.length > 0
          && args[0] instanceof String sql
          && checksPermissions(sql);
    }
  }
}
