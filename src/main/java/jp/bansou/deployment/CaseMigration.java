package jp.bansou.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Moves the running cases of a procedure from its older versions to the newest one, step by step
 * where both versions have the same step (same id): a dry run says, per older version, how many
 * cases can move and at which steps the others wait that the newest version no longer has. A case
 * that cannot move stays where it is, untouched.
 */
@Component
public class CaseMigration {

  /** A step of an older version that the newest one lacks, and how many cases wait there. */
  public record Unmapped(String activityId, String name, int cases) {}

  /** One older version: its running cases, those that can move, and why the others cannot. */
  public record Source(
      int version,
      String definitionId,
      int running,
      int movable,
      int moved,
      List<Unmapped> unmapped,
      String problem) {}

  public record Report(
      String processKey, int targetVersion, boolean dryRun, int moved, List<Source> sources) {}

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final Texts texts;

  public CaseMigration(
      RepositoryService repositoryService, RuntimeService runtimeService, Texts texts) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.texts = texts;
  }

  /** Null when no such procedure is deployed. */
  public Report migrate(String processKey, boolean dryRun) {
    ProcessDefinition target =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .withoutTenantId()
            .latestVersion()
            .singleResult();
    if (target == null) {
      return null;
    }
    List<Source> sources = new ArrayList<>();
    int moved = 0;
    for (ProcessDefinition source :
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .withoutTenantId()
            .orderByProcessDefinitionVersion()
            .asc()
            .list()) {
      if (source.getVersion() >= target.getVersion()) {
        continue;
      }
      List<ProcessInstance> running =
          runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
      if (running.isEmpty()) {
        continue;
      }
      MigrationPlan plan;
      try {
        plan =
            runtimeService
                .createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities()
                .updateEventTriggers()
                .build();
      } catch (MigrationPlanValidationException invalid) {
        sources.add(
            new Source(
                source.getVersion(),
                source.getId(),
                running.size(),
                0,
                0,
                List.of(),
                texts.get(
                    "models.migration.noPlan",
                    invalid.getValidationReport().getInstructionReports().stream()
                        .map(r -> r.getMigrationInstruction().getSourceActivityId())
                        .distinct()
                        .toList())));
        continue;
      }
      Set<String> mapped = new HashSet<>();
      for (MigrationInstruction instruction : plan.getInstructions()) {
        mapped.add(instruction.getSourceActivityId());
      }
      Map<String, Integer> waitingAt = new LinkedHashMap<>();
      List<String> movable = new ArrayList<>();
      for (ProcessInstance instance : running) {
        Set<String> activities = new HashSet<>();
        ActivityInstance tree = runtimeService.getActivityInstance(instance.getId());
        if (tree != null) {
          collect(tree, activities, true);
        }
        activities.removeAll(mapped);
        if (activities.isEmpty()) {
          movable.add(instance.getId());
        }
        activities.forEach(a -> waitingAt.merge(a, 1, Integer::sum));
      }
      int movedHere = 0;
      if (!dryRun && !movable.isEmpty()) {
        runtimeService.newMigration(plan).processInstanceIds(movable).execute();
        movedHere = movable.size();
        moved += movedHere;
      }
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(source.getId());
      List<Unmapped> unmapped = new ArrayList<>();
      waitingAt.forEach(
          (activity, cases) -> {
            FlowElement element = model.getModelElementById(activity);
            unmapped.add(
                new Unmapped(activity, element == null ? activity : element.getName(), cases));
          });
      sources.add(
          new Source(
              source.getVersion(),
              source.getId(),
              running.size(),
              movable.size(),
              movedHere,
              unmapped,
              unmapped.isEmpty() ? null : texts.get("models.migration.unmapped")));
    }
    return new Report(processKey, target.getVersion(), dryRun, moved, sources);
  }

  /** Every activity a case is in, the process itself aside. */
  private static void collect(ActivityInstance instance, Set<String> activities, boolean root) {
    if (!root) {
      activities.add(instance.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, activities, false);
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      activities.add(transition.getActivityId());
    }
  }
}
