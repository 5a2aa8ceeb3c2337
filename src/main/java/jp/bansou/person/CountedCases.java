package jp.bansou.person;

import jp.bansou.engine.Trial;

/**
 * Which cases anonymous statistics may count, as one SQL condition over {@code case_summary}
 * aliased {@code s}: the person consented to anonymous statistics, and the case is not restricted
 * (a restricted, DV case appears in no list), and it is no trial case ({@link Trial}). Every export
 * query and every counted tally joins it, so that a further rule is one more condition here; a
 * tally kept as cases move also listens for {@link CaseRestricted}, as a case may be restricted
 * after it was counted.
 */
public final class CountedCases {

  public static final String WHERE =
      "s.consent_statistics = true and "
          + notRestricted("s.case_number")
          + " and "
          + Trial.realCase("s.case_number");

  /** Whether the case with this number (the one parameter) is counted: {@code select count(*)}. */
  public static final String IS_COUNTED =
      "select count(*) from case_summary s where s.case_number = ? and " + WHERE;

  /**
   * The case whose number is in this column is not restricted (or has no access facts). The column
   * is named with its table or alias ({@code n.case_number}): a bare {@code case_number} would be
   * case_access's own.
   */
  public static String notRestricted(String caseNumberColumn) {
    return "not exists (select 1 from case_access a where a.case_number = "
        + caseNumberColumn
        + " and a.restricted = true)";
  }

  private CountedCases() {}
}
