package jp.bansou.accompaniment;

import java.util.List;

/**
 * One accompanied visit in categories: the office type (an option of the plan-visit form), codes
 * from reference/prefectures.csv, visit-purposes.csv, visit-results.csv and visit-barriers.csv, and
 * its month.
 */
public record VisitOutcome(
    String caseNumber,
    String officeType,
    String officePrefecture,
    String visitPurpose,
    String visitResult,
    List<String> barriers,
    String visitMonth,
    boolean policyFlagged) {}
