package jp.bansou.casefile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import jp.bansou.engine.ModelProperties;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Where an open case stands, as the model says: the process lists its stages in order (extension
 * properties {@code caseStage:<code>} = label, in Camunda Modeler's "Extension properties"), each
 * user task names its stage ({@code caseStage}), and {@code caseStageWithoutTask} names the stage
 * of a case whose own open tasks name none (its work is in its support tracks). Renaming or adding
 * a task in Modeler keeps the dashboard right without Java.
 */
@Component
public class CaseStages {

  static final String STAGE_PREFIX = "caseStage:";
  static final String TASK_STAGE = "caseStage";
  static final String WITHOUT_TASK = "caseStageWithoutTask";

  /** One stage: its code and the label people read. */
  public record Stage(String code, String label) {}

  /** The stages of one version of the case process, and which task belongs to which. */
  public record StageMap(List<Stage> stages, Map<String, String> byTask, String withoutTask) {

    /** The earliest stage among the case's open tasks. */
    public String stageOf(Collection<String> openTaskKeys) {
      List<String> order = stages.stream().map(Stage::code).toList();
      return openTaskKeys.stream()
          .map(byTask::get)
          .filter(Objects::nonNull)
          .min((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)))
          .orElse(withoutTask);
    }
  }

  private final RepositoryService repositoryService;
  private final Map<String, StageMap> byDefinition = new ConcurrentHashMap<>();

  public CaseStages(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** The stage map of the newest version of the case process. */
  public StageMap latest() {
    return of(
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(CaseFile.PROCESS_KEY)
            .withoutTenantId()
            .latestVersion()
            .singleResult()
            .getId());
  }

  public StageMap of(String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId, this::read);
  }

  private StageMap read(String processDefinitionId) {
    return from(repositoryService.getBpmnModelInstance(processDefinitionId));
  }

  /** The stage map that a model of the case process declares. */
  public static StageMap from(BpmnModelInstance model) {
    Process process =
        model.getModelElementsByType(Process.class).stream()
            .filter(p -> CaseFile.PROCESS_KEY.equals(p.getId()))
            .findFirst()
            .orElseThrow();
    List<Stage> stages = new ArrayList<>();
    String withoutTask = null;
    for (CamundaProperty property : ModelProperties.of(process)) {
      String name = property.getCamundaName();
      if (name.startsWith(STAGE_PREFIX)) {
        stages.add(new Stage(name.substring(STAGE_PREFIX.length()), property.getCamundaValue()));
      } else if (WITHOUT_TASK.equals(name)) {
        withoutTask = property.getCamundaValue();
      }
    }
    Map<String, String> byTask = new LinkedHashMap<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      ModelProperties.of(task).stream()
          .filter(p -> TASK_STAGE.equals(p.getCamundaName()))
          .findFirst()
          .ifPresent(p -> byTask.put(task.getId(), p.getCamundaValue()));
    }
    return new StageMap(List.copyOf(stages), Map.copyOf(byTask), withoutTask);
  }

  /** A task marked with the named extension property, e.g. the dashboard's silent-case alarm. */
  public List<String> tasksMarked(String processDefinitionId, String property, String value) {
    return repositoryService
        .getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(UserTask.class)
        .stream()
        .filter(
            t ->
                ModelProperties.of(t).stream()
                    .anyMatch(
                        p ->
                            property.equals(p.getCamundaName())
                                && value.equals(p.getCamundaValue())))
        .map(UserTask::getId)
        .toList();
  }
}
