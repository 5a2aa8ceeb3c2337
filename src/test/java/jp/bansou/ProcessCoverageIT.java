package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs after the unit tests (failsafe) and reads their process test coverage reports: every process
 * in {@code processes/} must have at least 90 % of its flow nodes covered, counting all test
 * classes together. Reports: {@code target/process-test-coverage/<test class>/report.html}.
 */
class ProcessCoverageIT {

  static final double MINIMUM = 0.90;
  static final Set<String> FLOW_NODES =
      Set.of(
          "startEvent",
          "endEvent",
          "boundaryEvent",
          "intermediateCatchEvent",
          "intermediateThrowEvent",
          "userTask",
          "serviceTask",
          "businessRuleTask",
          "scriptTask",
          "sendTask",
          "receiveTask",
          "manualTask",
          "task",
          "callActivity",
          "subProcess",
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway");

  @Test
  void everyProcessHasNinetyPercentFlowNodeCoverage() throws Exception {
    Map<String, Set<String>> covered = new HashMap<>();
    Map<String, Set<String>> nodes = new HashMap<>();
    try (Stream<Path> reports = Files.walk(Path.of("target/process-test-coverage"))) {
      for (Path report : reports.filter(p -> p.endsWith("report.json")).toList()) {
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        for (JsonNode model : root.get("models")) {
          nodes.put(model.get("key").asText(), flowNodes(model.get("xml").asText()));
        }
        for (JsonNode suite : root.get("suites")) {
          for (JsonNode run : suite.get("runs")) {
            for (JsonNode event : run.get("events")) {
              if ("FLOW_NODE".equals(event.get("source").asText())) {
                covered
                    .computeIfAbsent(event.get("modelKey").asText(), k -> new HashSet<>())
                    .add(event.get("definitionKey").asText());
              }
            }
          }
        }
      }
    }
    for (String process : processKeys()) {
      assertThat(nodes).as("no test ran process %s", process).containsKey(process);
      // the repository's model, not the last one a report holds under its key: an attack test
      // deploys a model of its own under a process's key
      Set<String> ours = flowNodes(Files.readString(Path.of("processes", process + ".bpmn")));
      Set<String> hit = new HashSet<>(covered.getOrDefault(process, Set.of()));
      hit.retainAll(ours);
      double ratio = (double) hit.size() / ours.size();
      Set<String> missed = new HashSet<>(ours);
      missed.removeAll(hit);
      System.out.printf("process %s: flow-node coverage %.1f %%%n", process, ratio * 100);
      assertThat(ratio)
          .as("flow-node coverage of %s; not covered: %s", process, missed)
          .isGreaterThanOrEqualTo(MINIMUM);
    }
  }

  static List<String> processKeys() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".bpmn"))
          .map(n -> n.substring(0, n.length() - ".bpmn".length()))
          .sorted()
          .toList();
    }
  }

  static Set<String> flowNodes(String xml) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Set<String> ids = new HashSet<>();
    NodeList all =
        document.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (FLOW_NODES.contains(element.getLocalName())) {
        ids.add(element.getAttribute("id"));
      }
    }
    return ids;
  }
}
