package jp.bansou.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.reports.SmallCells;
import jp.bansou.statistics.FormStatistics;
import org.springframework.stereotype.Component;

/**
 * Reports follow the forms: each form question a modeller marked as a statistic (custom property
 * {@code statistic = true}) is broken down on the dashboard by its answers, worded as the form
 * words them, with no change to Java. Counted are the cases whose person agreed to anonymous
 * statistics and that are not restricted; fewer than three cases are not shown.
 */
@Component
public class FormStatisticsSection implements DashboardSection {

  private final FormStatistics statistics;

  public FormStatisticsSection(FormStatistics statistics) {
    this.statistics = statistics;
  }

  /** One question: its label and one row per answer. */
  public record Question(String key, String label, List<Answer> answers) {}

  /** How many cases gave an answer; null when fewer than three did. */
  public record Answer(String code, String label, Long cases) {}

  @Override
  public String key() {
    return "formStatistics";
  }

  @Override
  public Object snapshot() {
    return statistics.tallies().stream()
        .map(
            q -> {
              Map<String, Long> shown = SmallCells.breakdown(new LinkedHashMap<>(q.cases()));
              return new Question(
                  q.key(),
                  q.label(),
                  shown.entrySet().stream()
                      .map(
                          e ->
                              new Answer(
                                  e.getKey(), label(q.optionLabels(), e.getKey()), e.getValue()))
                      .toList());
            })
        .toList();
  }

  private static String label(Map<String, String> options, String code) {
    String label = options.get(code);
    // an answer the form no longer offers stands for itself
    return label == null || label.isBlank() ? code : label;
  }
}
