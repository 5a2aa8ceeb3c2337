package jp.bansou.engine;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The people of the network (companions, interpreters, coordinators) as others see them: by the
 * name on their account, never by their login id.
 */
@Component
public class People {

  private final IdentityService identityService;

  public People(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The ids of a group's members, in order of id. */
  public static List<String> membersOf(IdentityService identityService, String groupId) {
    return identityService
        .createUserQuery()
        .memberOfGroup(groupId)
        .orderByUserId()
        .asc()
        .list()
        .stream()
        .map(User::getId)
        .toList();
  }

  /** Whether the account is a member of the group (no account, none: false). */
  public static boolean isMember(IdentityService identityService, String userId, String groupId) {
    return userId != null
        && identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  /**
   * What the account may see, asked as that account: with its groups as the engine's current
   * authentication when none is set (a filter before the webapps set theirs), the one set before
   * restored afterwards.
   */
  public static <T> T asUser(
      IdentityService identityService, String userId, java.util.function.Supplier<T> query) {
    org.camunda.bpm.engine.impl.identity.Authentication before =
        identityService.getCurrentAuthentication();
    if (before != null) {
      return query.get();
    }
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList();
    identityService.setAuthentication(userId, groups);
    try {
      return query.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** "山田 花子", or the id when the account has no name (or no longer exists). */
  public String name(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .strip();
    return name.isEmpty() ? userId : name;
  }
}
