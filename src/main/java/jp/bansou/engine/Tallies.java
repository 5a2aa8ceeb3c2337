package jp.bansou.engine;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Pre-aggregated counts (the dashboard's tallies) kept in step in the transaction of what they
 * count. Adding to a row that does not exist yet creates it, and two transactions doing so at once
 * — two intakes on two nodes, or two threads of one — both count instead of one failing on the key:
 * PostgreSQL does it in one {@code insert … on conflict}; elsewhere (H2, one node) a lost race to
 * insert is retried as an update. Table and column names come from our code, never from a request.
 */
@Component
public class Tallies {

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  public Tallies(JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
    this.jdbc = jdbc;
    this.postgres =
        "PostgreSQL"
            .equals(
                JdbcUtils.extractDatabaseMetaData(
                    dataSource, DatabaseMetaData::getDatabaseProductName));
  }

  /**
   * Adds {@code change} to {@code count} of the row with these key values (in key order); a row
   * that is not there yet is created when the change is positive.
   */
  public void add(String table, String count, LinkedHashMap<String, Object> key, long change) {
    String where =
        key.keySet().stream().map(column -> column + " = ?").collect(Collectors.joining(" and "));
    List<Object> keyValues = new ArrayList<>(key.values());
    if (change <= 0 || !postgres) {
      if (update(table, count, where, keyValues, change) > 0 || change <= 0) {
        return;
      }
      try {
        insert(table, count, key, change, "");
      } catch (DuplicateKeyException anotherInsertedItFirst) {
        update(table, count, where, keyValues, change);
      }
      return;
    }
    insert(
        table,
        count,
        key,
        change,
        " on conflict ("
            + String.join(", ", key.keySet())
            + ") do update set "
            + count
            + " = "
            + table
            + "."
            + count
            + " + excluded."
            + count);
  }

  /**
   * Sets these columns of the row with these key values, creating the row at first (the newest
   * wording of something a tally counts).
   */
  public void put(
      String table, LinkedHashMap<String, Object> key, LinkedHashMap<String, Object> values) {
    String set =
        values.keySet().stream().map(column -> column + " = ?").collect(Collectors.joining(", "));
    String where =
        key.keySet().stream().map(column -> column + " = ?").collect(Collectors.joining(" and "));
    List<Object> updateArgs = new ArrayList<>(values.values());
    updateArgs.addAll(key.values());
    LinkedHashMap<String, Object> row = new LinkedHashMap<>(key);
    row.putAll(values);
    String insert =
        "insert into "
            + table
            + " ("
            + String.join(", ", row.keySet())
            + ") values ("
            + String.join(", ", java.util.Collections.nCopies(row.size(), "?"))
            + ")";
    if (postgres) {
      jdbc.update(
          insert
              + " on conflict ("
              + String.join(", ", key.keySet())
              + ") do update set "
              + values.keySet().stream()
                  .map(column -> column + " = excluded." + column)
                  .collect(Collectors.joining(", ")),
          row.values().toArray());
      return;
    }
    String update = "update " + table + " set " + set + " where " + where;
    if (jdbc.update(update, updateArgs.toArray()) > 0) {
      return;
    }
    try {
      jdbc.update(insert, row.values().toArray());
    } catch (DuplicateKeyException anotherInsertedItFirst) {
      jdbc.update(update, updateArgs.toArray());
    }
  }

  private int update(
      String table, String count, String where, List<Object> keyValues, long change) {
    List<Object> args = new ArrayList<>();
    args.add(change);
    args.addAll(keyValues);
    return jdbc.update(
        "update " + table + " set " + count + " = " + count + " + ? where " + where,
        args.toArray());
  }

  private void insert(
      String table, String count, LinkedHashMap<String, Object> key, long change, String tail) {
    List<Object> args = new ArrayList<>(key.values());
    args.add(change);
    jdbc.update(
        "insert into "
            + table
            + " ("
            + String.join(", ", key.keySet())
            + ", "
            + count
            + ") values ("
            + "?, ".repeat(key.size())
            + "?)"
            + tail,
        args.toArray());
  }
}
