package jp.bansou.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's history keeps each variable's last value and who did what, not every value a
 * variable or a form ever had ({@link LastValueHistory}).
 */
@CaseEngineTest
class LastValueHistoryTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aCaseLeavesItsLastValuesAndWhoDidWhatButNoEarlierValue() {
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    // a value changed twice, a list (kept as JSON) changed, and a form submitted by a person
    engine.getRuntimeService().setVariable(pi.getId(), "benchNote", "最初の下書き");
    engine.getRuntimeService().setVariable(pi.getId(), "benchNote", "清書");
    engine
        .getRuntimeService()
        .setVariable(pi.getId(), "benchList", new java.util.ArrayList<>(List.of("a")));
    engine
        .getRuntimeService()
        .setVariable(pi.getId(), "benchList", new java.util.ArrayList<>(List.of("a", "b")));
    Task triage =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("reviewTriage")
            .singleResult();
    Object urgency = engine.getRuntimeService().getVariable(pi.getId(), "urgency");
    engine.getIdentityService().setAuthentication("coordinator", List.of("coordinators"));
    try {
      engine.getTaskService().claim(triage.getId(), "coordinator");
      engine.getFormService().submitTaskForm(triage.getId(), Map.of("urgency", urgency));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_HI_DETAIL where ROOT_PROC_INST_ID_ = ?",
                Long.class,
                pi.getId()))
        .isZero();
    // nor a copy of a list's earlier JSON: its one history byte array (type 3) is its last value
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_GE_BYTEARRAY where ROOT_PROC_INST_ID_ = ? and TYPE_ = 3"
                    + " and NAME_ = 'benchList'",
                Long.class,
                pi.getId()))
        .isOne();

    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("benchNote")
                .singleResult()
                .getValue())
        .isEqualTo("清書");
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("benchList")
                .singleResult()
                .getValue())
        .isEqualTo(List.of("a", "b"));
    assertThat(
            history
                .createUserOperationLogQuery()
                .taskId(triage.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .singleResult()
                .getUserId())
        .isEqualTo("coordinator");
  }
}
