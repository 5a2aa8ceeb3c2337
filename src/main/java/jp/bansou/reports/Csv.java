package jp.bansou.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

  /**
   * The same document written row by row to {@code out} (UTF-8), for an export too long to hold in
   * memory: the header at once, then each {@link Rows#row}; {@link Rows#finish} flushes and leaves
   * {@code out} open.
   */
  public static Rows stream(List<String> header, OutputStream out) throws IOException {
    Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    text.write(BOM);
    SequenceWriter rows =
        MAPPER
            .writer(CsvSchema.emptySchema().withLineSeparator("\r\n"))
            .with(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValues(text);
    rows.write(header.toArray(String[]::new));
    return new Rows(rows, text);
  }

  /** A CSV document being written. */
  public static final class Rows {
    private final SequenceWriter rows;
    private final Writer text;

    private Rows(SequenceWriter rows, Writer text) {
      this.rows = rows;
      this.text = text;
    }

    public void row(List<?> cells) throws IOException {
      rows.write(cells.stream().map(Csv::cell).toArray(String[]::new));
    }

    public void finish() throws IOException {
      rows.close();
      text.flush();
    }
  }

  public static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
