package jp.bansou.reports;

import jp.bansou.engine.Trial;

/**
 * Which cases the anonymous exports may count, as one SQL condition over {@code case_summary}
 * aliased {@code s}: the person consented to anonymous statistics, and the case is not restricted
 * (a restricted, DV case appears in no list), and it is no trial case ({@link Trial}). Every export
 * query of this package joins it, so that a further rule is one more condition here.
 */
final class CountedCases {

  static final String WHERE =
      "s.consent_statistics = true and not exists (select 1 from case_access a"
          + " where a.case_number = s.case_number and a.restricted = true) and "
          + Trial.realCase("s.case_number");

  private CountedCases() {}
}
