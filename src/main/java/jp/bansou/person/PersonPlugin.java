package jp.bansou.person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import jp.bansou.engine.LastValueHistory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * Keeps identity out of the engine's tables. The engine writes every variable and every submitted
 * form value into its history (ACT_HI_VARINST, ACT_HI_DETAIL), even one removed in the same
 * transaction: history events of identity fields are dropped before they reach the database. The
 * intake's registration step seals the values in the {@link IdentityVault} and removes them from
 * the process before anything is written, so the runtime tables never hold them either.
 */
@Component
public class PersonPlugin extends AbstractProcessEnginePlugin {

  private final IdentityFields fields;

  public PersonPlugin(IdentityFields fields) {
    this.fields = fields;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new IdentityHistoryFilter(new LastValueHistory()));
    List<Deployer> preDeployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(new IdentityFieldsDeployer());
    configuration.setCustomPreDeployers(preDeployers);
  }

  /**
   * Learns the identity fields of every form deployed before this start. The deployer below sees a
   * form only as it is deployed or as its deployment is loaded into the engine's cache again, after
   * a restart at its first use: until then a field marked in a form deployed live (from Camunda
   * Modeler) would not be known, its value kept in history and a model writing it not refused.
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_GE_BYTEARRAY";
    configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "select NAME_, BYTES_ from "
                          + table
                          + " where DEPLOYMENT_ID_ is not null and NAME_ like ?")) {
                select.setString(1, "%form");
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    if (jp.bansou.engine.ResourceKinds.isForm(rows.getString(1))) {
                      fields.learn(rows.getBytes(2));
                    }
                  }
                }
              } catch (SQLException e) {
                throw new ProcessEngineException("The deployed forms could not be read", e);
              }
              return null;
            });
  }

  /** Drops the history events that carry an identity field's value. */
  class IdentityHistoryFilter implements HistoryEventHandler {

    private final HistoryEventHandler next;

    IdentityHistoryFilter(HistoryEventHandler next) {
      this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!carriesIdentity(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      next.handleEvents(events.stream().filter(e -> !carriesIdentity(e)).toList());
    }

    private boolean carriesIdentity(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        return fields.contains(variable.getVariableName());
      }
      if (event instanceof HistoricFormPropertyEventEntity formValue) {
        return fields.contains(formValue.getPropertyId());
      }
      return false;
    }
  }

  /** Learns the identity fields of every form deployed or loaded into the engine's cache. */
  class IdentityFieldsDeployer implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      if (deployment.getResources() == null) {
        return;
      }
      for (ResourceEntity resource : deployment.getResources().values()) {
        if (jp.bansou.engine.ResourceKinds.isForm(resource.getName())) {
          fields.learn(resource.getBytes());
        }
      }
    }
  }
}
