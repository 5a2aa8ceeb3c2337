package jp.bansou.policy;

import java.util.List;
import jp.bansou.engine.Option;
import jp.bansou.engine.Var;
import jp.bansou.facts.CaseFacts;

/**
 * The variables of process {@code policy-issue}. A closed case hands over category facts only
 * ({@link jp.bansou.facts.CaseFacts}: advocacy field, prefecture, status category, problem fields,
 * outcome, description) plus the two below; nothing that identifies a person.
 */
public final class PolicyIssue {

  public static final String PROCESS_KEY = "policy-issue";

  /** The message that starts a register entry from a closed case (the other start is a timer). */
  public static final String RAISED_MESSAGE = "PolicyIssueRaised";

  public static final Var<String> REPORTED_MONTH = Var.text("reportedMonth");
  public static final Var<String> EVIDENCE_SUMMARY = Var.text("evidenceSummary");

  /** The whole of what a closed case hands over: nothing else may travel to the register. */
  public static final List<String> HANDED_OVER =
      List.of(
          CaseFacts.ADVOCACY_FIELD.name(),
          CaseFacts.PREFECTURE.name(),
          CaseFacts.STATUS_CATEGORY.name(),
          CaseFacts.PROBLEM_FIELDS.name(),
          CaseFacts.OUTCOME.name(),
          CaseFacts.POLICY_DESCRIPTION.name(),
          REPORTED_MONTH.name(),
          EVIDENCE_SUMMARY.name());

  /** The register entries to choose from, which the policy process loads itself. */
  public static final Var<List<Option>> REGISTER_OPTIONS = Var.options("policyIssueOptions");

  /** The chosen entry: an id, or {@link #NEW_ENTRY}. */
  public static final Var<String> POLICY_ISSUE_ID = Var.text("policyIssueId");

  public static final Var<String> NEW_ENTRY_TITLE = Var.text("newPolicyIssueTitle");
  public static final String NEW_ENTRY = "new";

  // the half-yearly agenda and the ministries' answers
  public static final Var<Long> AGENDA_ID = Var.number("agendaId");
  public static final Var<List<String>> AGENDA_ENTRIES = Var.collection("agendaEntries");
  public static final Var<Long> AGENDA_ENTRY_COUNT = Var.number("agendaEntryCount");
  public static final Var<String> AGENDA_SUMMARY = Var.text("agendaSummary");
  public static final Var<String> MINISTRY = Var.text("ministry");
  public static final Var<String> MINISTRY_ANSWER = Var.text("ministryAnswer");
  public static final Var<String> ENTRY_STAYS_OPEN = Var.text("entryStaysOpen");

  private PolicyIssue() {}
}
