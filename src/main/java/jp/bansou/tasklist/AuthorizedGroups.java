package jp.bansou.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Checks a user's permissions without reading every authorization there is (issue 21).
 *
 * <p>Before each permission check the engine narrows the user's groups to those named by at least
 * one authorization, and learns which those are with {@code SELECT distinct(A.GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION A}: every row, once per command (Camunda issue 5485). The table grows with
 * history: with {@code enable-historic-instance-permissions} a closed case leaves its tasks' and
 * its instance's history grants there for as long as its history is kept (five years), about 23
 * rows per case (src/benchmark/RESULTS.md, seventh round). So every Tasklist refresh, every form
 * submitted and every REST call read a table that grows with every case ever closed.
 *
 * <p>Narrowing exists to keep the {@code GROUP_ID_ IN (…)} lists short for someone in hundreds of
 * groups; it changes no answer, since a group that no authorization names matches none. Here a user
 * in at most {@link #PASSED_AS_THEY_ARE} groups (every role of DOMAIN.md is one group, and a person
 * holds a few) has them checked as they are, with no query; someone in more gets the engine's own
 * narrowing. CIB seven and Operaton made the same choice ({@code authGroupFilterThreshold}).
 */
@Component
public class AuthorizedGroups extends AbstractProcessEnginePlugin {

  /** Up to this many groups, a user's groups go into the permission checks unfiltered. */
  static final int PASSED_AS_THEY_ARE = 20;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories =
        configuration.getCustomSessionFactories() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    // registered after the engine's own factory for the same type, so it replaces that one
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return new Manager();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, narrowing only a long list of groups. */
  static class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > PASSED_AS_THEY_ARE) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      // as the engine's: each group once, none null
      return new ArrayList<>(
          authenticatedGroupIds.stream()
              .filter(Objects::nonNull)
              .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }
  }
}
