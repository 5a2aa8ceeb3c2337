package jp.bansou.tasklist;

import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import jp.bansou.engine.EngineSessions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
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
 *
 * <p>The same manager also decides who reads variables in history ({@link
 * Manager#configureHistoricVariableAndDetailQuery}).
 */
@Component
public class AuthorizedGroups extends AbstractProcessEnginePlugin {

  /** Up to this many groups, a user's groups go into the permission checks unfiltered. */
  static final int PASSED_AS_THEY_ARE = 20;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, AuthorizationManager.class, Manager::new);
  }

  /**
   * The engine's authorization manager, narrowing only a long list of groups, and reading history's
   * variables by the case's grants only.
   */
  static class Manager extends AuthorizationManager {

    /**
     * Who reads a variable in history ({@code /history/variable-instance}, {@code /history/detail},
     * the form submissions among them): whoever may read the history of its process's definition or
     * of its process instance (the per-case grants of {@code jp.bansou.person.CaseVisibility}). The
     * engine also lets a grant on the history of any one task of the process read them all:
     * everyone a task was ever offered to (a companion who declined a case, an interpreter asked
     * for one visit) gets such a grant, kept for as long as the history, so they would read the
     * whole case there for years. A task's own variables are read while it is open, as its form
     * shows them ({@code jp.bansou.forms.TaskReads}). The task history grants stay, for what they
     * are meant for: the task's comments and its own history.
     */
    @Override
    protected void configureHistoricVariableAndDetailQuery(AbstractQuery query) {
      if (!isHistoricInstancePermissionsEnabled() || isEnsureSpecificVariablePermission()) {
        super.configureHistoricVariableAndDetailQuery(query);
        return;
      }
      AuthorizationCheck check = query.getAuthCheck();
      check.setHistoricInstancePermissionsEnabled(true);
      configureQuery(query);
      addPermissionCheck(
          check,
          new PermissionCheckBuilder()
              .disjunctive()
              .atomicCheck(PROCESS_DEFINITION, "RES.PROC_DEF_KEY_", Permissions.READ_HISTORY)
              .atomicCheck(
                  HISTORIC_PROCESS_INSTANCE,
                  "RES.PROC_INST_ID_",
                  HistoricProcessInstancePermissions.READ)
              .build());
    }

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
