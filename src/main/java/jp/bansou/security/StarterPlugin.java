package jp.bansou.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bansou.engine.Trial;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Permissions follow the model at deploy time: when a process definition is deployed (from
 * start-up, Cockpit or Camunda Modeler), its {@code camunda:candidateStarterGroups} are granted the
 * right to start it and every other group loses it ({@link AccessPolicy#followStarters}), in the
 * deployment's own transaction. The deploying modeller needs no right over authorizations for it.
 */
@Component
public class StarterPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public StarterPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> postDeployers =
        configuration.getCustomPostDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostDeployers());
    postDeployers.add(new StarterDeployer());
    configuration.setCustomPostDeployers(postDeployers);
  }

  /** After the engine's own deployers have parsed the definitions. */
  class StarterDeployer implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      // a trial deployment (jp.bansou.engine.Trial) leaves who may start a real case as it was
      if (!deployment.isNew() || Trial.is(deployment.getTenantId())) {
        return;
      }
      List<ProcessDefinitionEntity> definitions =
          deployment.getDeployedArtifacts(ProcessDefinitionEntity.class);
      if (definitions == null || definitions.isEmpty()) {
        return;
      }
      AccessPolicy policy = context.getBean(AccessPolicy.class);
      Context.getCommandContext()
          .runWithoutAuthorization(
              () -> {
                Map<String, Set<String>> startersByKey = new LinkedHashMap<>();
                for (ProcessDefinitionEntity definition : definitions) {
                  startersByKey.put(definition.getKey(), starters(definition));
                }
                policy.followStarters(startersByKey);
                return null;
              });
    }
  }

  static Set<String> starters(ProcessDefinitionEntity definition) {
    Set<String> groups = new LinkedHashSet<>();
    for (Expression expression : definition.getCandidateStarterGroupIdExpressions()) {
      String text = expression.getExpressionText().strip();
      if (!text.isEmpty() && !text.contains("${") && !text.contains("#{")) {
        groups.add(text);
      }
    }
    return groups;
  }
}
