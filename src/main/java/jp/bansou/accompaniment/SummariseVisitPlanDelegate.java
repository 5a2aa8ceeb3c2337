package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.Visit.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.bansou.engine.Markdown;
import jp.bansou.engine.Texts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts what the two tables found about a planned visit into words for the people who act on it: the
 * eligibility notice with the alternatives to propose (DMN visit-eligibility), shown on the plan
 * until the companion confirms it for this purpose, and what each required check is about (DMN
 * visit-risk-check), shown to the coordinator who assesses the risk.
 */
@Component("summariseVisitPlan")
public class SummariseVisitPlanDelegate implements JavaDelegate {

  private final ReferenceData reference;
  private final Texts texts;

  public SummariseVisitPlanDelegate(ReferenceData reference, Texts texts) {
    this.reference = reference;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> finding = (Map<String, Object>) execution.getVariable(ELIGIBILITY_FINDING);
    String notice = finding == null ? null : (String) finding.get("notice");
    String purpose = VISIT_PURPOSE.orElse(execution, "");
    DECISION_WATCH.set(execution, finding == null ? null : (String) finding.get("decisionWatch"));

    if (notice == null || notice.isBlank()) {
      ELIGIBILITY_SUMMARY.set(execution, null);
      ELIGIBILITY_TO_CONFIRM.set(execution, false);
    } else {
      ELIGIBILITY_SUMMARY.set(
          execution,
          texts.get(
              "visit.eligibility",
              Markdown.escape(notice),
              lines(ReferenceList.SUPPORT_ALTERNATIVES, codes(finding.get("alternatives")))));
      boolean confirmed =
          ELIGIBILITY_CONFIRMED.isTrue(execution)
              && purpose.equals(ELIGIBILITY_SHOWN_FOR.orElse(execution, ""));
      if (!confirmed) {
        // shown now for this purpose: the companion confirms it on the plan, or changes the plan
        ELIGIBILITY_CONFIRMED.set(execution, false);
        ELIGIBILITY_SHOWN_FOR.set(execution, purpose);
      }
      ELIGIBILITY_TO_CONFIRM.set(execution, !confirmed);
    }
    execution.removeVariable(ELIGIBILITY_FINDING);

    List<String> checks = REQUIRED_CHECKS.orElse(execution, List.of());
    VISIT_CHECK_SUMMARY.set(
        execution,
        checks.isEmpty()
            ? null
            : lines(ReferenceList.VISIT_CHECKS, checks.stream().distinct().toList()));
  }

  private String lines(ReferenceList list, List<String> codes) {
    return codes.isEmpty()
        ? texts.get("visit.none")
        : codes.stream()
            .map(c -> texts.get("visit.line", reference.name(list, c)))
            .collect(Collectors.joining("\n"));
  }

  private static List<String> codes(Object spaced) {
    return spaced == null || spaced.toString().isBlank()
        ? List.of()
        : Arrays.asList(spaced.toString().trim().split("\\s+"));
  }
}
