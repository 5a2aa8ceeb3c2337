package jp.bansou.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import jp.bansou.CaseEngineTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The log keeps what an operator needs to find a fault: text a caller sends cannot make a real
 * failure's trace look like a refusal and so disappear.
 */
@CaseEngineTest
@ExtendWith(OutputCaptureExtension.class)
class LogAttackTest {

  @Autowired TestRestTemplate rest;

  @Test
  void textNamingARefusalDoesNotHideAFault(CapturedOutput output) {
    Attacker attacker = new Attacker(rest.getRootUri());
    int before = output.getAll().split("ENGINE-REST-HTTP500", -1).length;

    // an execution id that does not exist makes the engine fail; the id quotes a refusal
    attacker.post(
        "demo",
        "/engine-rest/signal",
        "{\"name\":\"s\",\"executionId\":\"zz\\njp.bansou.engine.Refusal: hidden\"}");

    assertThat(output.getAll().split("ENGINE-REST-HTTP500", -1).length)
        .as("the REST API's own log of the failure")
        .isGreaterThan(before);
  }
}
