package jp.bansou.person;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads every row of every table of the application's schema, text and binary columns alike, and
 * says where any of the markers stands in plaintext: what a dump of the database would show.
 */
public final class MarkerScan {

  private MarkerScan() {}

  /** {@code TABLE.COLUMN} of every cell that contains one of the markers. */
  public static List<String> find(DataSource dataSource, Collection<String> markers)
      throws SQLException {
    List<String> hits = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema == null
              || schema.equalsIgnoreCase("PUBLIC")
              || schema.equalsIgnoreCase(connection.getSchema())) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      for (String table : tables) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("select * from " + quote(meta, table))) {
          ResultSetMetaData columns = rows.getMetaData();
          while (rows.next()) {
            for (int c = 1; c <= columns.getColumnCount(); c++) {
              byte[] bytes = bytesOf(rows, c);
              if (bytes == null) {
                continue;
              }
              String text = new String(bytes, StandardCharsets.UTF_8);
              for (String marker : markers) {
                if (text.contains(marker)) {
                  hits.add(table + "." + columns.getColumnName(c) + " holds " + marker);
                }
              }
            }
          }
        }
      }
    }
    return hits;
  }

  /** The tables this scan read, for a test to see that it read any at all. */
  public static int tableCount(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      int count = 0;
      while (rs.next()) {
        count++;
      }
      return count;
    }
  }

  private static byte[] bytesOf(ResultSet rows, int column) throws SQLException {
    Object value = rows.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof java.sql.Blob blob) {
      return blob.getBytes(1, (int) blob.length());
    }
    if (value instanceof java.sql.Clob clob) {
      return clob.getSubString(1, (int) clob.length()).getBytes(StandardCharsets.UTF_8);
    }
    return value.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(DatabaseMetaData meta, String table) throws SQLException {
    String q = meta.getIdentifierQuoteString();
    return q + table + q;
  }
}
