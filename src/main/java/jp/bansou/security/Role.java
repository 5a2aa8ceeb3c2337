package jp.bansou.security;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The network's roles; each is a Camunda group (see shared DOMAIN.md) with its demo accounts. Their
 * names for people are in {@code reference/roles.csv}.
 */
public enum Role {
  COORDINATORS("coordinators", "coordinator"),
  COMPANIONS("companions", "companion", "companion2"),
  INTERPRETERS("interpreters", "interpreter"),
  SUPERVISORS("supervisors", "supervisor"),
  LAWYERS("lawyers", "lawyer"),
  POLICY_TEAM("policy-team", "policy"),
  MODELLERS("modellers", "modeller"),
  /** The review team of the emergency aid fund (緊急支援金): decides applications every week. */
  FUND_REVIEWERS("fund-reviewers", "reviewer");

  /** Camunda's built-in administrators group. */
  public static final String ADMIN_GROUP = "camunda-admin";

  /** Companions who completed the five basic course sessions. */
  public static final String CERTIFIED_COMPANIONS = "certified-companions";

  /** The demo administrator; its password equals its id, like every demo account. */
  public static final String DEMO_ADMIN = "demo";

  private final String groupId;
  private final List<String> demoUsers;

  Role(String groupId, String... demoUsers) {
    this.groupId = groupId;
    this.demoUsers = List.of(demoUsers);
  }

  public String groupId() {
    return groupId;
  }

  public List<String> demoUsers() {
    return demoUsers;
  }

  /** Every demo account id, the administrator first. */
  public static List<String> allDemoUsers() {
    return Stream.concat(
            Stream.of(DEMO_ADMIN), Arrays.stream(values()).flatMap(r -> r.demoUsers.stream()))
        .toList();
  }

  /** Demo passwords equal the account ids, so a password equal to any of them is a demo one. */
  public static boolean isDemoPassword(String password) {
    return password != null && allDemoUsers().contains(password.trim().toLowerCase());
  }
}
