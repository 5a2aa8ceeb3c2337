package jp.bansou.engine;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Pre-aggregated counts (the dashboard's tallies) kept in step in the transaction of what they
 * count. Adding to a row that does not exist yet creates it, and two transactions doing so at once
 * — two intakes on two nodes, or two threads of one — both count instead of one failing on the key:
 * PostgreSQL does it in one {@code insert … on conflict}; elsewhere (H2, one node) a lost race to
 * insert is retried as an update. Table and column names come from our code, never from a request.
 *
 * <p>Inside a transaction the changes are written just before it commits, each row once and the
 * rows in one order: a tally row is shared by every case of its hour or kind, and written where it
 * is counted it stayed locked through the rest of the transaction (the engine's flush of a whole
 * intake), so that parallel intakes waited for each other on it (issue 21: a quarter of four
 * threads' time, 35 ms a wait). Written last and in order, it is held only for the commit, and two
 * transactions cannot wait for each other's rows.
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
    Pending pending = pending();
    if (pending == null) {
      addNow(table, count, key, change);
    } else {
      pending.add(table, count, key, change);
    }
  }

  private void addNow(String table, String count, LinkedHashMap<String, Object> key, long change) {
    if (change == 0) {
      return;
    }
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
    Pending pending = pending();
    if (pending == null) {
      putNow(table, key, values);
    } else {
      pending.put(table, key, values);
    }
  }

  private void putNow(
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

  /**
   * The changes of the current transaction, written before it commits; null outside a transaction
   * (written at once). Found among the transaction's synchronizations, which Spring sets aside for
   * a transaction started inside it ({@code REQUIRES_NEW}): each has its own.
   */
  private Pending pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    for (TransactionSynchronization registered :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof Pending p && p.owner() == this) {
        return p;
      }
    }
    Pending created = new Pending();
    TransactionSynchronizationManager.registerSynchronization(created);
    return created;
  }

  /** One row's change: a sum to add, or the values to set. */
  private record Row(
      String table,
      String count,
      LinkedHashMap<String, Object> key,
      long change,
      LinkedHashMap<String, Object> values) {

    String order() {
      return table + " " + key.values().stream().map(String::valueOf).toList();
    }
  }

  private final class Pending implements TransactionSynchronization {
    private final Map<List<Object>, Row> rows = new HashMap<>();

    Tallies owner() {
      return Tallies.this;
    }

    void add(String table, String count, LinkedHashMap<String, Object> key, long change) {
      rows.merge(
          List.of(table, count, new ArrayList<>(key.keySet()), new ArrayList<>(key.values())),
          new Row(table, count, new LinkedHashMap<>(key), change, null),
          (before, more) -> new Row(table, count, before.key(), before.change() + change, null));
    }

    void put(
        String table, LinkedHashMap<String, Object> key, LinkedHashMap<String, Object> values) {
      rows.put(
          List.of(table, new ArrayList<>(key.keySet()), new ArrayList<>(key.values())),
          new Row(table, null, new LinkedHashMap<>(key), 0, new LinkedHashMap<>(values)));
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      List<Row> ordered = new ArrayList<>(rows.values());
      rows.clear();
      ordered.sort(Comparator.comparing(Row::order));
      for (Row row : ordered) {
        if (row.values() != null) {
          putNow(row.table(), row.key(), row.values());
        } else {
          addNow(row.table(), row.count(), row.key(), row.change());
        }
      }
    }
  }
}
