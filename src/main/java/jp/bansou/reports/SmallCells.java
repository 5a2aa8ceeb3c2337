package jp.bansou.reports;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Statistics never show a cell of fewer than {@link #MINIMUM} people: in a breakdown such a count
 * is left out (null, shown as 「3人未満」), and in an export a category that fewer people share is
 * replaced by {@link #HIDDEN}, so that no row points at one person.
 */
public final class SmallCells {

  public static final int MINIMUM = 3;

  /** What an export shows instead of a category too few people share. */
  public static final String HIDDEN = "*";

  private SmallCells() {}

  /** The count, or null when it is above zero and below the minimum. */
  public static Long count(long people) {
    return people > 0 && people < MINIMUM ? null : people;
  }

  /** A breakdown with its small cells left out. */
  public static Map<String, Long> breakdown(Map<String, Long> counts) {
    Map<String, Long> shown = new LinkedHashMap<>();
    counts.forEach((key, value) -> shown.put(key, count(value)));
    return shown;
  }

  /**
   * For an export column: each value, or {@link #HIDDEN} where fewer than the minimum of the rows
   * share it. A column of several codes per row counts each code.
   */
  public static <R> Function<R, String> column(
      Collection<R> rows, Function<R, List<String>> codes) {
    Map<String, Long> shared = new HashMap<>();
    rows.forEach(r -> codes.apply(r).forEach(c -> shared.merge(c, 1L, Long::sum)));
    return r -> shown(codes.apply(r), shared);
  }

  /**
   * One row's cell of such a column: its codes, each as it is or {@link #HIDDEN} where {@code
   * shared} (rows per code over the whole export) is below the minimum.
   */
  public static String shown(List<String> codes, Map<String, Long> shared) {
    return String.join(
        " ",
        codes.stream()
            .map(c -> shared.getOrDefault(c, 0L) < MINIMUM ? HIDDEN : c)
            .distinct()
            .toList());
  }
}
