package jp.bansou.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The aims of issue 21 (and the vault's, issue 13), each judged from one run's figure: a ratio or a
 * 95th percentile, with MET or MISSED. Nothing here fails a build: a missed aim is a line in the
 * report, never a red test.
 */
final class Aims {

  record Aim(String name, String figure, String target, boolean met, String note) {}

  private final List<Aim> aims = new ArrayList<>();

  /** An aim met when {@code value <= limit}. */
  void atMost(String name, double value, double limit, String unit, String note) {
    aims.add(
        new Aim(
            name,
            format(value, unit),
            "≤ " + format(limit, unit),
            !Double.isNaN(value) && value <= limit,
            note));
  }

  /** An aim met when {@code value < limit}. */
  void below(String name, double value, double limit, String unit, String note) {
    aims.add(
        new Aim(
            name,
            format(value, unit),
            "< " + format(limit, unit),
            !Double.isNaN(value) && value < limit,
            note));
  }

  /** An aim met when {@code value >= limit}. */
  void atLeast(String name, double value, double limit, String unit, String note) {
    aims.add(
        new Aim(
            name,
            format(value, unit),
            "≥ " + format(limit, unit),
            !Double.isNaN(value) && value >= limit,
            note));
  }

  private static String format(double value, String unit) {
    if (Double.isNaN(value)) {
      return "not measured";
    }
    return switch (unit) {
      case "×" -> String.format("%.2f×", value);
      case "ms" -> String.format("%.1f ms", value);
      case "s" -> String.format("%.1f s", value);
      case "MB" -> String.format("%.0f MB", value);
      default -> String.format("%.2f %s", value, unit);
    };
  }

  /** The table, then one {@code MET}/{@code MISSED} line per aim (the lines a reader greps for). */
  String report() {
    StringBuilder out = new StringBuilder();
    out.append("| aim | measured | target | result | how |\n|---|---|---|---|---|\n");
    for (Aim aim : aims) {
      out.append(
          String.format(
              "| %s | %s | %s | **%s** | %s |%n",
              aim.name(), aim.figure(), aim.target(), aim.met() ? "MET" : "MISSED", aim.note()));
    }
    long met = aims.stream().filter(Aim::met).count();
    out.append(String.format("%n%d of %d aims met.%n%n```%n", met, aims.size()));
    for (Aim aim : aims) {
      out.append(
          String.format(
              "%-6s %s: %s (target %s)%n",
              aim.met() ? "MET" : "MISSED", aim.name(), aim.figure(), aim.target()));
    }
    return out.append("```\n").toString();
  }
}
