package jp.bansou.triage;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.*;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import jp.bansou.engine.Texts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.triage.UrgencyLevels.Level;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the rows that DMN {@code case-triage} collected into the case's proposal: the most severe
 * urgency found (severity from DMN {@code urgency-levels}, with its triage deadline) and every
 * support track found.
 */
@Component("summariseTriage")
public class SummariseTriageDelegate implements JavaDelegate {

  private final ReferenceData reference;
  private final UrgencyLevels levels;
  private final Clock clock;
  private final Texts texts;
  private final SupportTracks supportTracks;

  public SummariseTriageDelegate(
      ReferenceData reference,
      UrgencyLevels levels,
      Clock clock,
      Texts texts,
      SupportTracks supportTracks) {
    this.supportTracks = supportTracks;
    this.reference = reference;
    this.levels = levels;
    this.clock = clock;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> findings =
        (List<Map<String, Object>>) execution.getVariable(TRIAGE_FINDINGS);
    List<Level> all = levels.all();
    Map<String, Object> mostSevere =
        findings.stream()
            .filter(f -> f.get(URGENCY.name()) != null)
            .min(
                Comparator.comparingLong(
                    f -> UrgencyLevels.of(all, (String) f.get(URGENCY.name())).severity()))
            .orElseThrow(
                () -> new IllegalStateException("DMN case-triage must always yield an urgency"));
    Level urgency = UrgencyLevels.of(all, (String) mostSevere.get(URGENCY.name()));
    Set<String> tracks =
        findings.stream()
            .map(f -> (String) f.get("track"))
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    URGENCY.set(execution, urgency.code());
    URGENCY_LABEL.set(execution, urgency.label());
    TASK_PRIORITY.set(execution, urgency.taskPriority());
    PROPOSED_URGENCY.set(execution, urgency.code());
    String deadline = (String) mostSevere.get(TRIAGE_DEADLINE.name());
    TRIAGE_DEADLINE.set(execution, deadline);
    TRIAGE_DUE_AT.set(execution, Date.from(clock.instant().plus(Duration.parse(deadline))));
    PROPOSED_TRACKS.set(execution, List.copyOf(tracks));
    TRACKS.set(execution, List.copyOf(tracks));
    List<String> flags =
        findings.stream()
            .map(f -> (String) f.get("flag"))
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    TRIAGE_FLAGS.set(execution, flags);
    String flagLines =
        flags.stream()
            .map(f -> texts.get("triage.flag.line", reference.name(ReferenceList.TRIAGE_FLAGS, f)))
            .collect(Collectors.joining("\n"));
    TRIAGE_SUMMARY.set(
        execution,
        texts.get(
                "triage.summary",
                urgency.label(),
                readable(deadline),
                tracks.isEmpty()
                    ? texts.get("triage.summary.noTracks")
                    : supportTracks.names(tracks))
            + (flags.isEmpty() ? "" : texts.get("triage.summary.flags", flagLines)));
    if (!flags.isEmpty()) {
      // the offer, the tracks and the companion read the overview: they must know too
      CASE_OVERVIEW.set(execution, CASE_OVERVIEW.orElse(execution, "") + "\n" + flagLines);
    }
    execution.removeVariable(TRIAGE_FINDINGS);
  }

  /** PT24H → 24時間, P7D → 7日: what a coordinator reads in the form. */
  String readable(String isoDuration) {
    Duration duration = Duration.parse(isoDuration);
    return duration.toHours() % 24 == 0 && duration.toHours() >= 24 * 7
        ? texts.get("duration.days", duration.toDays())
        : texts.get("duration.hours", duration.toHours());
  }
}
