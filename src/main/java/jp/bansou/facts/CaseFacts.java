package jp.bansou.facts;

import java.util.List;
import jp.bansou.engine.Var;

/**
 * The facts a case shares with the processes it starts (its support tracks, the policy register):
 * the case number and category facts, each declared once here. None of them identifies a person;
 * identifiers never leave the case file.
 */
public final class CaseFacts {

  /** {@code 2026-000123}: the case's business key, carried into every process it starts. */
  public static final Var<String> CASE_NUMBER = Var.text("caseNumber");

  public static final Var<String> COMPANION_ID = Var.text("companionId");
  public static final Var<String> PREFECTURE = Var.text("prefecture");
  public static final Var<String> RESIDENCE_STATUS = Var.text("residenceStatus");
  public static final Var<String> STATUS_CATEGORY = Var.text("statusCategory");
  public static final Var<List<String>> LANGUAGES = Var.list("languages");
  public static final Var<Boolean> INTERPRETER_NEEDED = Var.flag("interpreterNeeded");
  public static final Var<List<String>> PROBLEM_FIELDS = Var.list("problemFields");
  public static final Var<Boolean> CONSENT_SHARING = Var.flag("consentSharing");

  /** The urgency code the triage settled on, and what it means for people and tasks. */
  public static final Var<String> URGENCY = Var.text("urgency");

  public static final Var<String> URGENCY_LABEL = Var.text("urgencyLabel");

  /** The day of an office visit (a track's), shown in every task list. */
  public static final Var<java.time.LocalDate> VISIT_DATE = Var.date("visitDate");

  /** Every user task of the case and its tracks takes this priority (see urgency-levels.dmn). */
  public static final Var<Long> TASK_PRIORITY = Var.number("taskPriority");

  /** A legal deadline entered at intake or in the lawyer track, handed to the deadline watch. */
  public static final Var<java.time.LocalDate> LEGAL_DEADLINE_DATE = Var.date("legalDeadlineDate");

  public static final Var<String> LEGAL_DEADLINE_NOTE = Var.text("legalDeadlineNote");

  /** What the legal deadline is (a code of reference/deadline-types.csv; none reads as legal). */
  public static final Var<String> LEGAL_DEADLINE_TYPE = Var.text("legalDeadlineType");

  public static final Var<String> LEGAL_OUTCOME = Var.text("legalOutcome");

  /**
   * How the case ended, and the systemic problem it showed, as the policy register receives them.
   */
  public static final Var<String> OUTCOME = Var.text("outcome");

  /** Ticked at closure, or at a visit that met a barrier: the policy team is told. */
  public static final Var<Boolean> SYSTEMIC_PROBLEM = Var.flag("systemicProblem");

  public static final Var<String> ADVOCACY_FIELD = Var.text("advocacyField");
  public static final Var<String> POLICY_DESCRIPTION = Var.text("policyDescription");

  /** What a visit met at an office, in words from the reference lists, for the policy register. */
  public static final Var<String> BARRIER_SUMMARY = Var.text("barrierSummary");

  private CaseFacts() {}
}
