package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.person.Markers;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The intake's duplicate check is no oracle. A companion who starts a case with someone's phone
 * number must not learn from the answer which case holds it, and a restricted (DV) case is nobody's
 * possible duplicate, so that its number reaches no one reviewing a new case.
 */
@CaseEngineTest
class DuplicateOracleAttackTest {

  static final String START = "/engine-rest/process-definition/key/accompaniment-case/start";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;

  @Test
  void aStartAsksForNothingBackAndARestrictedCaseIsNoOnesDuplicate() {
    Markers victim = Markers.fresh();
    ProcessInstance restricted = asCoordinator(victim.intake().with("restrictCase", true));
    Markers other = Markers.fresh();
    ProcessInstance plain = asCoordinator(other.intake());
    long cases = cases();

    // the answer may not carry the new case's variables: refused, and nothing is started
    ObjectNode body = FormInputAttackTest.JSON.createObjectNode();
    body.set("variables", FormInputAttackTest.intake(Map.of("phone", victim.phone())));
    body.put("withVariablesInReturn", true);
    assertRefused(new Attacker(rest.getRootUri()).post("companion2", START, body.toString()), 400);
    assertThat(cases()).isEqualTo(cases);

    // the same phone as the restricted case: not flagged; as an ordinary case's: flagged
    assertThat(duplicatesOf(asCoordinator(victim.intake().with("personName", "別の人"))))
        .doesNotContain(restricted.getBusinessKey());
    assertThat(duplicatesOf(asCoordinator(other.intake().with("personName", "別の人"))))
        .contains(plain.getBusinessKey());
  }

  private ProcessInstance asCoordinator(jp.bansou.casefile.Intake intake) {
    identityService.setAuthentication("coordinator", List.of(Role.COORDINATORS.groupId()));
    try {
      return CaseDriver.start(engine, intake);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> duplicatesOf(ProcessInstance pi) {
    Object numbers = runtimeService.getVariable(pi.getId(), "possibleDuplicateNumbers");
    return numbers == null
        ? List.of()
        : org.camunda.spin.Spin.JSON(numbers.toString()).elements().stream()
            .map(e -> e.stringValue())
            .toList();
  }

  private long cases() {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey("accompaniment-case")
        .count();
  }
}
