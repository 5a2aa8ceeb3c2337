package jp.bansou;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;

/** The support tracks in {@code processes/}: the processes marked {@code supportTrack = true}. */
public final class TrackModels {

  private TrackModels() {}

  public static List<String> codes() {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files
          .filter(f -> f.toString().endsWith(".bpmn"))
          .sorted()
          .map(f -> Bpmn.readModelFromFile(f.toFile()))
          .map(TrackModels::trackKey)
          .filter(java.util.Objects::nonNull)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String trackKey(BpmnModelInstance model) {
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    if (process.getExtensionElements() == null) {
      return null;
    }
    boolean track =
        process
            .getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaProperties.class)
            .list()
            .stream()
            .flatMap(p -> p.getCamundaProperties().stream())
            .anyMatch(
                p ->
                    "supportTrack".equals(p.getCamundaName())
                        && "true".equals(p.getCamundaValue()));
    return track ? process.getId() : null;
  }
}
