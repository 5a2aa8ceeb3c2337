package jp.bansou.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryLinesTest {

  @Test
  void fewLinesAreJoinedAsTheyAre() {
    assertThat(SummaryLines.join(List.of("a", "b"), 20, n -> "more " + n)).isEqualTo("a\nb");
    assertThat(SummaryLines.join(List.of(), 20, n -> "more " + n)).isEmpty();
  }

  @Test
  void linesPastTheMaximumBecomeOneLineSayingHowManyAreLeft() {
    List<String> lines = IntStream.range(0, 25).mapToObj(i -> "line " + i).toList();
    String summary = SummaryLines.join(lines, 20, n -> "and " + n + " more");
    assertThat(summary.split("\n")).hasSize(21).endsWith("and 5 more");
  }

  @Test
  void neverLongerThanOneTextVariableHowEverManyLinesThereAre() {
    // 4-unit characters in UTF-16 count double on H2: the limit is checked in UTF-16 units
    String line = "- ケース 2026-000123：電話番号が同じ 😀";
    List<String> lines = IntStream.range(0, 5000).mapToObj(i -> line).toList();
    String summary = SummaryLines.join(lines, Integer.MAX_VALUE, n -> "……ほか " + n + "件");
    assertThat(summary.length()).isLessThanOrEqualTo(Var.TEXT_LIMIT);
    int shown = summary.split("\n").length - 1;
    assertThat(summary).endsWith("……ほか " + (5000 - shown) + "件");
  }

  @Test
  void aSingleLineTooLongForTheLimitIsCountedNotCut() {
    String summary = SummaryLines.join(List.of("x".repeat(5000)), 20, n -> "more " + n);
    assertThat(summary).isEqualTo("more 1");
  }
}
