package jp.bansou.casefile;

import static jp.bansou.facts.CaseFacts.*;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import jp.bansou.engine.Markdown;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Trial;
import jp.bansou.policy.PolicyIssue;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Hands a systemic problem to the policy team, seen in a closed case or at a visit that met a
 * barrier (the visit's model calls this step too): starts {@code policy-issue} with category facts
 * only. Not even the case number travels, so the register cannot lead back to the person.
 */
@Component("flagPolicyIssue")
public class FlagPolicyIssueDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;
  private final ReferenceData reference;
  private final Clock clock;
  private final Texts texts;

  public FlagPolicyIssueDelegate(
      RuntimeService runtimeService, ReferenceData reference, Clock clock, Texts texts) {
    this.runtimeService = runtimeService;
    this.reference = reference;
    this.clock = clock;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VariableMap facts = Variables.createVariables();
    ADVOCACY_FIELD.put(facts, ADVOCACY_FIELD.get(execution));
    PREFECTURE.put(facts, PREFECTURE.orElse(execution, null));
    STATUS_CATEGORY.put(facts, STATUS_CATEGORY.orElse(execution, null));
    PROBLEM_FIELDS.put(facts, PROBLEM_FIELDS.orElse(execution, List.of()));
    OUTCOME.put(facts, OUTCOME.orElse(execution, null));
    POLICY_DESCRIPTION.put(facts, POLICY_DESCRIPTION.orElse(execution, null));
    PolicyIssue.REPORTED_MONTH.put(facts, YearMonth.now(clock).toString());
    PolicyIssue.EVIDENCE_SUMMARY.put(facts, summary(execution));
    Trial.startByMessage(
        runtimeService,
        execution.getProcessEngineServices().getRepositoryService(),
        runtimeService.createMessageCorrelation(PolicyIssue.RAISED_MESSAGE).setVariables(facts),
        PolicyIssue.RAISED_MESSAGE,
        Trial.tenant(execution));
  }

  /** The same facts in words, for the policy team's form; a visit adds what it met. */
  private String summary(DelegateExecution execution) {
    String facts =
        texts.get(
            "policy.evidence",
            reference.name(ReferenceList.ADVOCACY_FIELDS, ADVOCACY_FIELD.get(execution)),
            reference.name(ReferenceList.PREFECTURES, PREFECTURE.orElse(execution, "")),
            Markdown.escape(STATUS_CATEGORY.orElse(execution, "")),
            reference.names(
                ReferenceList.PROBLEM_FIELDS, PROBLEM_FIELDS.orElse(execution, List.of())),
            OUTCOME
                .find(execution)
                .map(o -> reference.name(ReferenceList.CASE_OUTCOMES, o))
                .orElse(texts.get("policy.evidence.ongoing")));
    return BARRIER_SUMMARY.find(execution).map(b -> facts + "\n" + b).orElse(facts);
  }
}
