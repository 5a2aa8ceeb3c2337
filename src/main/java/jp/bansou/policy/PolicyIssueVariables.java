package jp.bansou.policy;

import java.util.List;

/**
 * The variables of process {@code policy-issue}: categories only. This list is the whole of what a
 * closed case hands to the policy register; nothing that identifies a person is on it.
 */
public final class PolicyIssueVariables {

  public static final String PROCESS_KEY = "policy-issue";

  /** The message that starts a register entry from a closed case (the other start is a timer). */
  public static final String RAISED_MESSAGE = "PolicyIssueRaised";

  public static final String ADVOCACY_FIELD = "advocacyField";
  public static final String PREFECTURE = "prefecture";
  public static final String STATUS_CATEGORY = "statusCategory";
  public static final String PROBLEM_FIELDS = "problemFields";
  public static final String OUTCOME = "outcome";
  public static final String DESCRIPTION = "policyDescription";
  public static final String REPORTED_MONTH = "reportedMonth";
  public static final String EVIDENCE_SUMMARY = "evidenceSummary";

  public static final List<String> ALL =
      List.of(
          ADVOCACY_FIELD,
          PREFECTURE,
          STATUS_CATEGORY,
          PROBLEM_FIELDS,
          OUTCOME,
          DESCRIPTION,
          REPORTED_MONTH,
          EVIDENCE_SUMMARY);

  /** The register entries to choose from, which the policy process loads itself. */
  public static final String REGISTER_OPTIONS = "policyIssueOptions";

  private PolicyIssueVariables() {}
}
