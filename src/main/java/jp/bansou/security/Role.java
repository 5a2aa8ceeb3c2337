package jp.bansou.security;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The network's roles; each is a Camunda group (see shared DOMAIN.md) with its demo accounts. */
public enum Role {
  COORDINATORS("coordinators", "コーディネーター", "coordinator"),
  COMPANIONS("companions", "伴走者", "companion", "companion2"),
  INTERPRETERS("interpreters", "通訳者", "interpreter"),
  SUPERVISORS("supervisors", "事務局", "supervisor"),
  LAWYERS("lawyers", "弁護士・協力団体", "lawyer"),
  POLICY_TEAM("policy-team", "政策チーム", "policy"),
  MODELLERS("modellers", "モデラー", "modeller");

  /** Camunda's built-in administrators group. */
  public static final String ADMIN_GROUP = "camunda-admin";

  /** The demo administrator; its password equals its id, like every demo account. */
  public static final String DEMO_ADMIN = "demo";

  private final String groupId;
  private final String displayName;
  private final List<String> demoUsers;

  Role(String groupId, String displayName, String... demoUsers) {
    this.groupId = groupId;
    this.displayName = displayName;
    this.demoUsers = List.of(demoUsers);
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
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
