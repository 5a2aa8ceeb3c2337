package jp.bansou.reports;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV for spreadsheets used in Japan: UTF-8 with a byte-order mark (so Excel reads the
 * Japanese), every cell quoted, and cells that a spreadsheet would run as a formula defused.
 */
final class Csv {

  static final String BOM = "\uFEFF";

  private Csv() {}

  static String row(List<?> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
