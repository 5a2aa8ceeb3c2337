package jp.bansou.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/** Rows of a CSV file on the classpath, by its header's column names (Jackson CSV). */
public final class CsvRows {

  private static final CsvMapper CSV = new CsvMapper();

  private CsvRows() {}

  public static List<Map<String, String>> read(String resource) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (InputStream in = new ClassPathResource(resource).getInputStream();
        MappingIterator<Map<String, String>> it =
            CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(in)) {
      it.forEachRemaining(row -> rows.add(Collections.unmodifiableMap(row)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
    return List.copyOf(rows);
  }

  /** A cell holding several codes separated by spaces. */
  public static List<String> codes(String cell) {
    return cell == null || cell.isBlank() ? List.of() : List.of(cell.trim().split("\\s+"));
  }
}
