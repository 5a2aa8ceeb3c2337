package jp.bansou.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Var;
import jp.bansou.person.PersonIntake;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A shelter's office phone shared by 154 open cases: the summary on the coordinator's form stays
 * within one variable, shows the first cases and says how many more there are; every case number is
 * kept in the list.
 */
class FindPossibleDuplicatesDelegateTest {

  @Test
  void aPhoneSharedByManyOpenCasesGivesAShortSummaryAndTheFullList() throws Exception {
    List<String> sharing =
        IntStream.rangeClosed(1, 154).mapToObj(i -> String.format("2026-%06d", i)).toList();
    PersonIntake person = mock(PersonIntake.class);
    when(person.sameNameAndBirthDate(anyString())).thenReturn(List.of());
    when(person.samePhone(anyString())).thenReturn(sharing);
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    Map<String, Object> variables = new HashMap<>(Map.of("caseNumber", "2026-000155"));
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(anyString())).thenAnswer(i -> variables.get(i.getArgument(0)));
    doAnswer(i -> variables.put(i.getArgument(0), i.getArgument(1)))
        .when(execution)
        .setVariable(anyString(), any());

    new FindPossibleDuplicatesDelegate(person, new Texts(messages)).execute(execution);

    String summary = (String) variables.get("possibleDuplicateSummary");
    assertThat(summary.length()).isLessThanOrEqualTo(Var.TEXT_LIMIT);
    assertThat(summary.split("\n"))
        .hasSize(FindPossibleDuplicatesDelegate.SUMMARY_LINES + 1)
        .startsWith("- ケース 2026-000001：電話番号が同じ")
        .endsWith("……ほか 134件");
    assertThat(variables.get("possibleDuplicateCount")).isEqualTo(154L);
    // the list (JSON, not limited to 4000 characters) keeps them all
    assertThat(variables.get("possibleDuplicateNumbers").toString())
        .contains("2026-000001", "2026-000154");
  }
}
