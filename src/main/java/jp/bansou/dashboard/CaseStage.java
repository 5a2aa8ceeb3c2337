package jp.bansou.dashboard;

import java.util.Collection;
import java.util.Map;

/**
 * Where an open case stands, read from the case's open tasks: the dashboard's "open cases by
 * stage". A case whose only work is in its support tracks is in support.
 */
public enum CaseStage {
  INTAKE("intake", "受付・重複の確認"),
  TRIAGE("triage", "トリアージ"),
  MATCHING("matching", "伴走者のマッチング"),
  SUPPORT("support", "支援中"),
  CLOSURE("closure", "終結の手続き");

  static final Map<String, CaseStage> BY_TASK =
      Map.of(
          "reviewPossibleDuplicate", INTAKE,
          "reviewTriage", TRIAGE,
          "confirmCompanion", MATCHING,
          "offerCase", MATCHING,
          "handleNoCandidate", MATCHING,
          "proposeClosure", CLOSURE,
          "approveClosure", CLOSURE);

  private final String code;
  private final String label;

  CaseStage(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The earliest stage among the case's open tasks; support when none tells. */
  static CaseStage of(Collection<String> openTaskKeys) {
    return openTaskKeys.stream()
        .map(BY_TASK::get)
        .filter(s -> s != null)
        .min(Enum::compareTo)
        .orElse(SUPPORT);
  }
}
