package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Case numbers from a database sequence instead of a counter row: {@code nextval} needs no lock
 * held until commit and no second connection, and stays unique across nodes (a rolled-back intake
 * leaves a gap, which is fine). The sequence starts above every number the counter gave, and the
 * counter goes, so that a node still running the old code fails instead of numbering twice. Written
 * in Java because H2 and PostgreSQL set a sequence's start from a query differently.
 */
public class V9__case_number_sequence extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      long next;
      try (ResultSet rows =
          statement.executeQuery(
              "select coalesce(max(last_value), 0) + 1 from case_number_counter")) {
        rows.next();
        next = rows.getLong(1);
      }
      statement.execute("create sequence case_number_seq start with " + next);
      statement.execute("drop table case_number_counter");
    }
  }
}
