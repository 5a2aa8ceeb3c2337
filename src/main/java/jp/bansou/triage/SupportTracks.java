package jp.bansou.triage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jp.bansou.engine.ModelProperties;
import jp.bansou.engine.Trial;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The support tracks are the deployed procedures that say so: a process whose newest version
 * carries the extension property {@code supportTrack = true} (Camunda Modeler: the process's
 * <i>Extension properties</i>) is a track, named by the process's name. A modeller adds a track by
 * deploying its procedure and letting the triage table propose it; nothing about the set is in Java
 * or in the jar.
 */
@Component
public class SupportTracks {

  public static final String PROPERTY = "supportTrack";

  /** A track: its code (the process key, which the case calls) and its name. */
  public record Track(String code, String name) {}

  private final RepositoryService repositoryService;
  private final Map<String, Boolean> trackByDefinition = new ConcurrentHashMap<>();

  public SupportTracks(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /**
   * Every deployed track, by code: the live procedures, and inside a trial case's step also its
   * trial versions ({@link Trial}), which win where both exist.
   */
  public List<Track> deployed() {
    Map<String, ProcessDefinition> newest = new java.util.TreeMap<>();
    repositoryService
        .createProcessDefinitionQuery()
        .withoutTenantId()
        .latestVersion()
        .list()
        .forEach(d -> newest.put(d.getKey(), d));
    if (Trial.is(Trial.current())) {
      repositoryService
          .createProcessDefinitionQuery()
          .tenantIdIn(Trial.TENANT)
          .latestVersion()
          .list()
          .forEach(d -> newest.put(d.getKey(), d));
    }
    return newest.values().stream()
        .filter(this::isTrack)
        .map(d -> new Track(d.getKey(), d.getName() == null ? d.getKey() : d.getName()))
        .sorted(java.util.Comparator.comparing(Track::code))
        .toList();
  }

  public List<String> codes() {
    return deployed().stream().map(Track::code).toList();
  }

  /** The names of the tracks, as a Japanese list; a code that is no track stays as it is. */
  public String names(Collection<String> codes) {
    Map<String, String> names =
        deployed().stream().collect(Collectors.toMap(Track::code, Track::name));
    return codes.stream().map(c -> names.getOrDefault(c, c)).collect(Collectors.joining("、"));
  }

  private boolean isTrack(ProcessDefinition definition) {
    return trackByDefinition.computeIfAbsent(definition.getId(), this::readIsTrack);
  }

  private boolean readIsTrack(String definitionId) {
    ProcessDefinition definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionId(definitionId)
            .singleResult();
    Process process =
        repositoryService
            .getBpmnModelInstance(definitionId)
            .getModelElementById(definition.getKey());
    return ModelProperties.of(process).stream().anyMatch(SupportTracks::saysTrack);
  }

  private static boolean saysTrack(CamundaProperty property) {
    return PROPERTY.equals(property.getCamundaName())
        && "true".equalsIgnoreCase(String.valueOf(property.getCamundaValue()).strip());
  }
}
