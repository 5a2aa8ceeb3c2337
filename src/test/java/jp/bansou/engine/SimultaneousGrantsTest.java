package jp.bansou.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;

/**
 * Which persistence failures are a grant made twice at once, or a lock waited for too long (and so
 * a simultaneous change).
 */
class SimultaneousGrantsTest {

  private static ProcessEngineException failing(SQLException cause) {
    return new ProcessEngineException(
        "ENGINE-03004 Exception while executing Database Operation", cause);
  }

  @Test
  void theSameGrantInsertedTwiceIsASimultaneousChange() {
    // pgjdbc: the batch's exception, with PostgreSQL's own beside it
    BatchUpdateException batch =
        new BatchUpdateException("Batch entry 0 insert into ACT_RU_AUTHORIZATION", "23505", null);
    batch.setNextException(
        new SQLException(
            "ERROR: duplicate key value violates unique constraint \"act_uniq_auth_user\"",
            "23505"));
    assertThat(SimultaneousGrants.grantedTwice(failing(batch))).isTrue();
    assertThat(
            SimultaneousGrants.grantedTwice(
                failing(
                    new SQLException(
                        "Unique index or primary key violation: \"PUBLIC.ACT_UNIQ_AUTH_GROUP_INDEX_4"
                            + " ON PUBLIC.ACT_RU_AUTHORIZATION\"",
                        "23505"))))
        .isTrue();
  }

  @Test
  void anyOtherFailureStaysAFailure() {
    // a unique violation of our own tables is a fault to look into, not a double press
    assertThat(
            SimultaneousGrants.grantedTwice(
                failing(
                    new SQLException(
                        "ERROR: duplicate key value violates unique constraint \"case_summary_pkey\"",
                        "23505"))))
        .isFalse();
    // an authorization that waited too long for a lock
    assertThat(
            SimultaneousGrants.grantedTwice(
                failing(
                    new SQLException(
                        "Timeout trying to lock table; insert into ACT_RU_AUTHORIZATION"
                            + " (ACT_UNIQ_AUTH_USER)",
                        "HYT00"))))
        .isFalse();
    assertThat(SimultaneousGrants.grantedTwice(new ProcessEngineException("ENGINE-03005")))
        .isFalse();
  }

  @Test
  void aLockWaitedForTooLongIsASimultaneousChange() {
    // H2's lock timeout, and PostgreSQL's when an operator sets lock_timeout
    BatchUpdateException batch =
        new BatchUpdateException("Batch entry 5 update ACT_RU_TASK", "55P03", null);
    batch.setNextException(
        new SQLException("ERROR: canceling statement due to lock timeout", "55P03"));
    assertThat(SimultaneousGrants.waitedTooLong(failing(batch))).isTrue();
    assertThat(
            SimultaneousGrants.waitedTooLong(
                failing(new SQLException("Timeout trying to lock table \"ACT_RU_TASK\"", "HYT00"))))
        .isTrue();
    // a unique violation, or any other failure, is not
    assertThat(
            SimultaneousGrants.waitedTooLong(
                failing(new SQLException("duplicate key value", "23505"))))
        .isFalse();
    assertThat(SimultaneousGrants.waitedTooLong(new ProcessEngineException("ENGINE-03005")))
        .isFalse();
  }

  @Test
  void aTaskAlreadyDoneIsToldFromAnyOtherMissingThing() {
    for (String engineSays :
        List.of(
            "Cannot find task with id 7d1: task is null",
            "task 7d1 doesn't exist: task is null",
            "Task '7d1' not found")) {
      assertThat(SimultaneousGrants.taskMissing(new NullValueException(engineSays)))
          .as(engineSays)
          .isTrue();
      assertThat(
              SimultaneousGrants.taskMissing(
                  new ProcessEngineException(
                      "Cannot submit task form 7d1", new NullValueException(engineSays))))
          .isTrue();
    }
    // another thing missing, or the same words quoted from a request inside another message
    assertThat(
            SimultaneousGrants.taskMissing(
                new NullValueException("Cannot find execution with id 'Cannot find task with id'")))
        .isFalse();
    // the engine's failure on the deployed form of a task that is not there
    NullPointerException unchecked =
        new NullPointerException(
            "Cannot invoke \"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.getId()\""
                + " because \"task\" is null");
    unchecked.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker",
              "checkTaskPermission",
              "AuthorizationCommandChecker.java",
              431)
        });
    assertThat(SimultaneousGrants.taskMissing(unchecked)).isTrue();
    NullPointerException ours = new NullPointerException(unchecked.getMessage());
    assertThat(SimultaneousGrants.taskMissing(ours)).as("a fault in our own code").isFalse();
  }
}
