package jp.bansou.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV (Jackson CSV) for spreadsheets used in Japan: UTF-8 with a byte-order mark (so Excel
 * reads the Japanese), every cell quoted, CRLF, and cells that a spreadsheet would run as a formula
 * defused with a leading apostrophe.
 */
public final class Csv {

  static final String BOM = "\uFEFF";

  private static final CsvMapper MAPPER = new CsvMapper();

  private Csv() {}

  /** A header line and the rows, ready to send. */
  public static String document(List<String> header, List<List<?>> rows) {
    List<String[]> lines = new ArrayList<>();
    lines.add(header.toArray(String[]::new));
    for (List<?> row : rows) {
      lines.add(row.stream().map(Csv::cell).toArray(String[]::new));
    }
    try {
      return BOM
          + MAPPER
              .writer(CsvSchema.emptySchema().withLineSeparator("\r\n"))
              .with(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
              .writeValueAsString(lines);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
