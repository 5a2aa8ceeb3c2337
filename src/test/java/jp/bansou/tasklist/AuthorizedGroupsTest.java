package jp.bansou.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import jp.bansou.CaseEngineTest;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A permission check does not read every authorization to narrow the user's groups (issue 21): the
 * table holds every closed case's history grants for five years.
 */
@CaseEngineTest
class AuthorizedGroupsTest {

  @Autowired ProcessEngine engine;

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  private CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  @Test
  void aTaskQueryAsACompanionNeverListsTheGroupsOfEveryAuthorization() throws Exception {
    engine
        .getIdentityService()
        .setAuthentication("companion", List.of(Role.COMPANIONS.groupId(), "no-grants-here"));
    AuthorizationManager manager =
        commands()
            .execute(
                context -> {
                  // Tasklist's page and count, checked against the companion's grants
                  engine
                      .getTaskService()
                      .createTaskQuery()
                      .taskCandidateGroup("companions")
                      .count();
                  engine.getTaskService().createTaskQuery().listPage(0, 15);
                  return context.getAuthorizationManager();
                });
    assertThat(manager).isInstanceOf(AuthorizedGroups.Manager.class);
    Field everyGroup = AuthorizationManager.class.getDeclaredField("availableAuthorizedGroupIds");
    everyGroup.setAccessible(true);
    assertThat(everyGroup.get(manager)).as("groups of every authorization, read").isNull();
  }

  @Test
  void aFewGroupsAreCheckedAsTheyAreEachOnce() {
    List<String> groups =
        commands()
            .execute(
                context ->
                    context
                        .getAuthorizationManager()
                        .filterAuthenticatedGroupIds(
                            Arrays.asList("coordinators", "no-grants-here", null, "coordinators")));
    assertThat(groups).containsExactly("coordinators", "no-grants-here");
  }

  @Test
  void manyGroupsAreNarrowedAsTheEngineDoes() {
    List<String> groups = new ArrayList<>(List.of("coordinators", "supervisors"));
    IntStream.range(0, AuthorizedGroups.PASSED_AS_THEY_ARE).forEach(i -> groups.add("none-" + i));
    List<String> narrowed =
        commands()
            .execute(
                context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
    assertThat(narrowed).containsExactlyInAnyOrder("coordinators", "supervisors");
  }
}
