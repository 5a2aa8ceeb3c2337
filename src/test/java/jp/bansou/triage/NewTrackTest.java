package jp.bansou.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.deployment.Modeler;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 15, part 3 — the set of support tracks is what is deployed: a modeller deploys a new
 * procedure marked {@code supportTrack = true} from Camunda Modeler, and the next case's triage
 * keeps it and runs it, with no Java and nothing in the jar. Before it is deployed, the same choice
 * is dropped.
 */
@CaseEngineTest
public class NewTrackTest {

  public static final String TRACK =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="residence-renewal-definitions"
          targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="residence-renewal" name="在留期間の更新" isExecutable="true"
            camunda:historyTimeToLive="P1825D">
          <bpmn:extensionElements>
            <camunda:properties>
              <camunda:property name="supportTrack" value="true" />
            </camunda:properties>
          </bpmn:extensionElements>
          <bpmn:startEvent id="renewalStarted" name="更新の支援を始める" />
          <bpmn:sequenceFlow id="toDone" sourceRef="renewalStarted" targetRef="renewalDone" />
          <bpmn:endEvent id="renewalDone" name="更新の支援を終えた" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired SupportTracks supportTracks;
  @Autowired TestRestTemplate rest;

  String deploymentName = "track-" + UUID.randomUUID();

  @AfterEach
  void removeWhatWasDeployed() {
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aDeployedTrackIsKeptAndRunAnUndeployedOneIsDropped() {
    assertThat(supportTracks.codes())
        .containsExactlyInAnyOrder(
            "document-preparation",
            "employer-negotiation",
            "lawyer-escalation",
            "office-accompaniment");
    ProcessInstance before = triaged("residence-renewal");
    assertThat(runtimeService.getVariable(before.getId(), "trackList")).isEqualTo(List.of());

    var answer =
        new Modeler(rest.getRootUri(), "modeller")
            .deploy(deploymentName, Modeler.files("residence-renewal.bpmn", TRACK));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(supportTracks.codes()).contains("residence-renewal");
    assertThat(supportTracks.names(List.of("residence-renewal", "office-accompaniment")))
        .isEqualTo("在留期間の更新、役所などへの同行・通訳");

    ProcessInstance after = triaged("residence-renewal");
    assertThat(runtimeService.getVariable(after.getId(), "trackList"))
        .isEqualTo(List.of("residence-renewal"));
    CaseDriver.complete(
        engine, after, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    CaseDriver.complete(engine, after, "offerCase", "companion", Map.of("offerAnswer", "accept"));

    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("residence-renewal")
                .superProcessInstanceId(after.getId())
                .finished()
                .count())
        .isEqualTo(1);
  }

  private ProcessInstance triaged(String track) {
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    CaseDriver.complete(
        engine, pi, "reviewTriage", "coordinator", Map.of("tracks", FormJson.list(List.of(track))));
    return pi;
  }
}
