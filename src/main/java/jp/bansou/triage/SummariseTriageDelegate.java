package jp.bansou.triage;

import static jp.bansou.intake.CaseVariables.*;

import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import jp.bansou.forms.FormValues;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Turns the rows that DMN {@code case-triage} collected into the case's proposal: the most severe
 * urgency found (with its triage deadline) and every support track found.
 */
@Component("summariseTriage")
public class SummariseTriageDelegate implements JavaDelegate {

  private final ReferenceData reference;

  public SummariseTriageDelegate(ReferenceData reference) {
    this.reference = reference;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> findings =
        (List<Map<String, Object>>) execution.getVariable(TRIAGE_FINDINGS);
    Map<String, Object> mostSevere =
        findings.stream()
            .filter(f -> f.get(URGENCY) != null)
            .min(Comparator.comparing(f -> Urgency.of((String) f.get(URGENCY))))
            .orElseThrow(
                () -> new IllegalStateException("case-triage must always yield an urgency"));
    Urgency urgency = Urgency.of((String) mostSevere.get(URGENCY));
    Set<String> tracks =
        findings.stream()
            .map(f -> (String) f.get("track"))
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    execution.setVariable(URGENCY, urgency.code());
    execution.setVariable(URGENCY_LABEL, urgency.label());
    execution.setVariable(PROPOSED_URGENCY, urgency.code());
    String deadline = (String) mostSevere.get(TRIAGE_DEADLINE);
    execution.setVariable(TRIAGE_DEADLINE, deadline);
    execution.setVariable(
        TRIAGE_DUE_AT,
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.parse(deadline))));
    execution.setVariable(PROPOSED_TRACKS, FormValues.jsonList(tracks));
    execution.setVariable(TRACKS, FormValues.jsonList(tracks));
    execution.setVariable(
        TRIAGE_SUMMARY,
        "判定：**"
            + urgency.label()
            + "**（"
            + readable(deadline)
            + "以内にトリアージ）\n\n提案する支援トラック："
            + (tracks.isEmpty()
                ? "なし"
                : tracks.stream()
                    .map(t -> reference.name(ReferenceList.SUPPORT_TRACKS, t))
                    .collect(Collectors.joining("、"))));
    execution.removeVariable(TRIAGE_FINDINGS);
  }

  /** PT24H → 24時間, P7D → 7日: what a coordinator reads in the form. */
  static String readable(String isoDuration) {
    Duration duration = Duration.parse(isoDuration);
    return duration.toHours() % 24 == 0 && duration.toHours() >= 24 * 7
        ? duration.toDays() + "日"
        : duration.toHours() + "時間";
  }
}
