package jp.bansou.engine;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Lines joined into a summary for a form, never longer than one text variable may be: the engine
 * keeps a String variable in {@code varchar(4000)}, which H2 counts in UTF-16 units and PostgreSQL
 * in characters. What does not fit (or is past {@code maxLines}) becomes one last line "and N
 * more", so that no number of matching cases can make a summary, and with it the step, fail.
 */
public final class SummaryLines {

  private SummaryLines() {}

  /**
   * @param more the last line for the number of lines left out, e.g. {@code
   *     texts.get("summary.more", n)}
   */
  public static String join(List<String> lines, int maxLines, IntFunction<String> more) {
    String separator = "\n";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean last = i == lines.size() - 1;
      // room for this line, and, unless it is the last, for the line that says how many are left
      int reserve = last ? 0 : separator.length() + more.apply(lines.size()).length();
      int length = out.length() + (out.isEmpty() ? 0 : separator.length()) + line.length();
      if (i >= maxLines || length + reserve > Var.TEXT_LIMIT) {
        if (!out.isEmpty()) {
          out.append(separator);
        }
        return out.append(more.apply(lines.size() - i)).toString();
      }
      if (!out.isEmpty()) {
        out.append(separator);
      }
      out.append(line);
    }
    return out.toString();
  }
}
