package jp.bansou.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands every deployed Camunda Form to each {@link FormLearner}: all forms deployed before this
 * start as the engine is built (one query), and each new one as it is deployed or its deployment
 * loaded into the engine's cache again. Without the first, a form deployed live from Camunda
 * Modeler was known after a restart only once the engine read it again.
 */
@Component
public class FormLearning extends AbstractProcessEnginePlugin {

  private final ObjectProvider<FormLearner> learners;

  public FormLearning(ObjectProvider<FormLearner> learners) {
    this.learners = learners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(this::deploy);
    configuration.setCustomPreDeployers(preDeployers);
  }

  private void deploy(DeploymentEntity deployment) {
    if (deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (ResourceKinds.isForm(resource.getName())) {
        learners.forEach(learner -> learner.learn(resource.getBytes()));
      }
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix();
    configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
              try (PreparedStatement select =
                  connection.prepareStatement(
                      // by deployment, through the index on DEPLOYMENT_ID_: the same table holds
                      // every JSON variable and attachment of every case
                      "select b.NAME_, b.BYTES_ from "
                          + prefix
                          + "ACT_RE_DEPLOYMENT d join "
                          + prefix
                          + "ACT_GE_BYTEARRAY b on b.DEPLOYMENT_ID_ = d.ID_ where b.NAME_ like ?")) {
                select.setString(1, "%form");
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    if (ResourceKinds.isForm(rows.getString(1))) {
                      byte[] form = rows.getBytes(2);
                      learners.forEach(learner -> learner.learn(form));
                    }
                  }
                }
              } catch (SQLException e) {
                throw new ProcessEngineException("The deployed forms could not be read", e);
              }
              return null;
            });
  }
}
