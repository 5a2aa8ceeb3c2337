package jp.bansou.triage;

import java.util.Arrays;

/**
 * The urgency levels that DMN {@code case-triage} outputs, most severe first. Deadlines and the
 * rules that lead to a level live in the DMN table, not here.
 */
public enum Urgency {
  EMERGENCY("emergency", "緊急"),
  URGENT("urgent", "至急"),
  NORMAL("normal", "通常");

  private final String code;
  private final String label;

  Urgency(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Urgency of(String code) {
    return Arrays.stream(values())
        .filter(u -> u.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown urgency: " + code));
  }
}
