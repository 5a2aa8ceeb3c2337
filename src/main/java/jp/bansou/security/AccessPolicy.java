package jp.bansou.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bansou.engine.StartupStep;
import jp.bansou.engine.Texts;
import jp.bansou.facts.CaseFacts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.tasklist.TaskListColumns;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Gives each role only what its work needs, in every mode: the groups, their Camunda authorizations
 * and their Tasklist filters. Who may start a process is read from the model's {@code
 * camunda:candidateStarterGroups}, so a modeller changes it without Java. Idempotent: it runs at
 * every start and adds only what is missing.
 */
@Component
public class AccessPolicy implements StartupStep {

  static final String ALL = "*";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final ReferenceData reference;
  private final Texts texts;

  public AccessPolicy(
      IdentityService identityService,
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService,
      RepositoryService repositoryService,
      ReferenceData reference,
      Texts texts) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.reference = reference;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "groups, authorizations and Tasklist filters";
  }

  @Override
  public int getOrder() {
    return PERMISSIONS;
  }

  /** The name people read for a group, from reference/roles.csv. */
  public String groupName(String groupId) {
    return reference.name(ReferenceList.ROLES, groupId);
  }

  @Override
  public void run() {
    for (Role role : Role.values()) {
      ensureGroup(role.groupId(), groupName(role.groupId()));
      grant(role, APPLICATION, "tasklist", ACCESS);
      // definitions hold no personal data; Tasklist needs them to show forms and diagrams
      grant(role, PROCESS_DEFINITION, ALL, READ);
      grant(role, DECISION_DEFINITION, ALL, READ);
    }
    ensureGroup(Role.CERTIFIED_COMPANIONS, groupName(Role.CERTIFIED_COMPANIONS));
    grant(Role.CERTIFIED_COMPANIONS, APPLICATION, "tasklist", ACCESS);

    // A case and its tracks are seen instance by instance (jp.bansou.person.CaseVisibility), and a
    // task by those it is meant for: no group reads every case or every task.
    for (Role role : List.of(Role.COORDINATORS, Role.SUPERVISORS)) {
      withdraw(role.groupId(), PROCESS_DEFINITION, ALL, READ_INSTANCE, READ_HISTORY);
      withdraw(role.groupId(), PROCESS_INSTANCE, ALL, READ);
      withdraw(role.groupId(), TASK, ALL, READ, TASK_ASSIGN);
    }
    grant(Role.COORDINATORS, APPLICATION, "cockpit", ACCESS);
    grant(
        Role.COORDINATORS, PROCESS_DEFINITION, "companion-onboarding", READ_INSTANCE, READ_HISTORY);
    // the network's own work, which names no person supported: 相談会 and course series
    for (String networkWork : List.of("consultation-event", "course-series")) {
      grant(Role.COORDINATORS, PROCESS_DEFINITION, networkWork, READ_INSTANCE, READ_HISTORY);
    }

    grant(Role.SUPERVISORS, APPLICATION, "cockpit", ACCESS);
    for (String processWithoutPerson :
        List.of(
            "companion-onboarding",
            "policy-issue",
            "send-notification",
            "daily-digest",
            "consultation-event")) {
      grant(
          Role.SUPERVISORS, PROCESS_DEFINITION, processWithoutPerson, READ_INSTANCE, READ_HISTORY);
    }
    // the tables, not their history: a decision instance holds the case's triage inputs (violence,
    // status), restricted cases' too, which no supervisor sees in any other way
    grant(Role.SUPERVISORS, DECISION_DEFINITION, ALL, READ);
    withdraw(Role.SUPERVISORS.groupId(), DECISION_DEFINITION, ALL, READ_HISTORY);
    grant(Role.SUPERVISORS, DECISION_REQUIREMENTS_DEFINITION, ALL, READ);
    grant(Role.SUPERVISORS, DEPLOYMENT, ALL, READ);

    // modellers deploy (also from Camunda Modeler through /engine-rest) but read no case data;
    // they may delete a deployment without cases, never suspend or change a definition
    grant(Role.MODELLERS, APPLICATION, "cockpit", ACCESS);
    grant(Role.MODELLERS, DEPLOYMENT, ALL, CREATE, READ, DELETE);
    withdraw(Role.MODELLERS.groupId(), PROCESS_DEFINITION, ALL, UPDATE);
    grant(Role.MODELLERS, PROCESS_DEFINITION, ALL, READ);
    grant(Role.MODELLERS, DECISION_REQUIREMENTS_DEFINITION, ALL, READ);
    // modellers start trial cases: the tenant check shows them trial definitions, and
    // jp.bansou.trial.TrialPlugin refuses them a live one they are no starter of
    grant(Role.MODELLERS, PROCESS_DEFINITION, ALL, CREATE_INSTANCE);
    grant(Role.MODELLERS, PROCESS_INSTANCE, ALL, CREATE);

    // the counterparty's answer arrives through /api/negotiations/…/response, not the engine API
    withdraw(
        Role.COORDINATORS.groupId(), PROCESS_DEFINITION, "employer-negotiation", UPDATE_INSTANCE);

    grantStartersFromModels();
    ensureFilters();
  }

  /** Who may start each process, from its newest model (e.g. after a version was deleted). */
  public void followModels() {
    grantStartersFromModels();
  }

  private void grantStartersFromModels() {
    Map<String, Set<String>> startersByKey = new LinkedHashMap<>();
    for (ProcessDefinition definition :
        repositoryService.createProcessDefinitionQuery().withoutTenantId().latestVersion().list()) {
      Set<String> starters = new LinkedHashSet<>();
      for (IdentityLink link :
          repositoryService.getIdentityLinksForProcessDefinition(definition.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          starters.add(link.getGroupId());
        }
      }
      startersByKey.put(definition.getKey(), starters);
    }
    followStarters(startersByKey);
  }

  /**
   * Who may start a process follows its newest model: the groups in {@code
   * camunda:candidateStarterGroups} may, every other group loses the right it had from an earlier
   * version. Runs at every start and whenever a definition is deployed ({@link StarterPlugin}).
   */
  public void followStarters(Map<String, Set<String>> startersByKey) {
    Set<String> starters = new LinkedHashSet<>();
    startersByKey.values().forEach(starters::addAll);
    // once per group: inside a deployment's transaction a new grant is not yet found by a query
    for (String group : starters) {
      grant(group, PROCESS_INSTANCE, ALL, CREATE);
    }
    startersByKey.forEach(this::followStarters);
  }

  private void followStarters(String processKey, Set<String> starterGroups) {
    for (String group : starterGroups) {
      grant(group, PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
    }
    for (Authorization authorization :
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .resourceType(PROCESS_DEFINITION)
            .resourceId(processKey)
            .list()) {
      String group = authorization.getGroupId();
      if (group != null
          && !starterGroups.contains(group)
          && authorization.isPermissionGranted(CREATE_INSTANCE)) {
        withdraw(group, PROCESS_DEFINITION, processKey, CREATE_INSTANCE);
      }
    }
  }

  private void ensureFilters() {
    List<String> everyone = Arrays.stream(Role.values()).map(Role::groupId).toList();
    // everyone's home (Tasklist opens the filter of the lowest priority): what is theirs to do,
    // assigned to them or offered to them or their group; the list puts what is due first
    ensureFilter(
        texts.get("filter.mine"),
        -30,
        texts.get("filter.mine.description"),
        taskService
            .createTaskQuery()
            .or()
            .taskAssigneeExpression("${currentUser()}")
            .taskCandidateUserExpression("${currentUser()}")
            .endOr(),
        everyone);
    ensureFilter(
        texts.get("filter.group"),
        -5,
        texts.get("filter.group.description"),
        // candidate user covers both: tasks offered to me and to any group I am in
        taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"),
        everyone);
    ensureFilter(
        texts.get("filter.urgent"),
        -20,
        texts.get("filter.urgent.description"),
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .processVariableValueEquals(CaseFacts.URGENCY.name(), "emergency"),
        everyone);
    int priority = 0;
    for (Role role : Role.values()) {
      String group = groupName(role.groupId());
      ensureFilter(
          texts.get("filter.role", group),
          ++priority,
          texts.get("filter.role.description", group),
          taskService.createTaskQuery().taskCandidateGroup(role.groupId()).includeAssignedTasks(),
          List.of(role.groupId()));
    }
  }

  /** Creates the filter, or brings an existing one back to this definition. */
  private void ensureFilter(
      String name, int priority, String description, TaskQuery query, List<String> readers) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put(
        "variables",
        TaskListColumns.COLUMNS.stream()
            .map(c -> Map.of("name", c.name(), "label", texts.get(c.labelKey())))
            .toList());
    filter.setProperties(properties);
    filter.setQuery(query);
    filterService.saveFilter(filter);
    for (String group : readers) {
      grant(group, FILTER, filter.getId(), READ);
    }
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    grant(role.groupId(), resource, resourceId, permissions);
  }

  /** Takes permissions back that an earlier version granted, if an authorization still has them. */
  private void withdraw(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = grantOf(groupId, resource, resourceId);
    if (authorization == null
        || Arrays.stream(permissions).noneMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.removePermission(permission);
    }
    boolean nothingLeft =
        Arrays.stream(Permissions.values())
            .filter(p -> p != Permissions.NONE)
            .noneMatch(authorization::isPermissionGranted);
    if (nothingLeft) {
      authorizationService.deleteAuthorization(authorization.getId());
    } else {
      authorizationService.saveAuthorization(authorization);
    }
  }

  private Authorization grantOf(String groupId, Resource resource, String resourceId) {
    return authorizationService
        .createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = grantOf(groupId, resource, resourceId);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
