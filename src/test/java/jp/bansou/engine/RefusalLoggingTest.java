package jp.bansou.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.bansou.CaseEngineTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A refusal inside an engine command is an answer to the person and is not logged as an error; any
 * other exception in a command still is, with its stack trace.
 */
@CaseEngineTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingTest {

  @Autowired ProcessEngine engine;

  @Test
  void aRefusalIsNoError(CapturedOutput output) {
    assertThatThrownBy(() -> run(context -> raise(new Refusal("名前は書けません。"))))
        .isInstanceOf(Refusal.class);
    // wrapped by the engine, as a listener's or an expression's refusal arrives
    assertThatThrownBy(
            () ->
                run(context -> raise(new ProcessEngineException("wrapped", new Refusal("書けません。")))))
        .hasCauseInstanceOf(Refusal.class);

    assertThat(output.getAll()).doesNotContain("ENGINE-16004", "書けません");
  }

  @Test
  void aRealFailureIsStillAnErrorWithItsTrace(CapturedOutput output) {
    assertThatThrownBy(() -> run(context -> raise(new IllegalStateException("a real fault"))))
        .isInstanceOf(IllegalStateException.class);

    assertThat(output.getAll())
        .contains(
            "ERROR", "ENGINE-16004", "a real fault", "at jp.bansou.engine.RefusalLoggingTest");
  }

  @Test
  void aNullThatIsNotACommentsTextIsStillAnError(CapturedOutput output) {
    // the engine's check of an argument, but in our own code: a fault to look into
    assertThatThrownBy(
            () ->
                run(
                    context -> {
                      org.camunda.bpm.engine.impl.util.EnsureUtil.ensureNotNull(
                          "Case number", (Object) null);
                      return null;
                    }))
        .isInstanceOf(org.camunda.bpm.engine.exception.NullValueException.class);

    assertThat(output.getAll()).contains("ERROR", "ENGINE-16004", "Case number is null");
  }

  private void run(Command<Void> command) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(command);
  }

  private static Void raise(RuntimeException exception) {
    throw exception;
  }
}
