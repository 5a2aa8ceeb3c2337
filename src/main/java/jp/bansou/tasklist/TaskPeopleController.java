package jp.bansou.tasklist;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.bansou.api.ApiError;
import jp.bansou.engine.People;
import jp.bansou.engine.Texts;
import jp.bansou.security.ApiAccessFilter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tasks/{taskId}/people}: the names of the network's people who changed or
 * commented on a task, for whoever may see the task. Tasklist's history of a task names them by
 * their account id ({@code companion2}), which a companion cannot read as a person, and may not
 * look up (accounts are not readable to each other); its history tab shows the names instead
 * ({@code bansou-tasklist.js}). Only the ids in that task's own history, comments and assignee are
 * answered: no one can list the accounts this way. A task the caller cannot see is not found.
 */
@RestController
public class TaskPeopleController {

  /** The changes of a task whose values are accounts. */
  static final Set<String> PEOPLE_PROPERTIES = Set.of("assignee", "owner");

  /** The answer: account id → "山田 花子" (the id itself for an account without a name). */
  public record Names(Map<String, String> names) {}

  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final People people;
  private final Texts texts;

  public TaskPeopleController(
      TaskService taskService,
      HistoryService historyService,
      IdentityService identityService,
      People people,
      Texts texts) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.people = people;
    this.texts = texts;
  }

  @GetMapping("/api/tasks/{taskId}/people")
  public ResponseEntity<?> people(@PathVariable String taskId, HttpServletRequest request) {
    String user = (String) request.getAttribute(ApiAccessFilter.USER_ATTRIBUTE);
    Task task =
        People.asUser(
            identityService,
            user,
            () -> taskService.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(new ApiError(texts.get("api.error.notFound")));
    }
    TreeSet<String> ids = new TreeSet<>();
    List<UserOperationLogEntry> history =
        historyService.createUserOperationLogQuery().taskId(taskId).list();
    Stream.of(
            history.stream().map(UserOperationLogEntry::getUserId),
            // whom the task was given to, or taken from
            history.stream()
                .filter(entry -> PEOPLE_PROPERTIES.contains(entry.getProperty()))
                .flatMap(entry -> Stream.of(entry.getNewValue(), entry.getOrgValue())),
            taskService.getTaskComments(taskId).stream().map(Comment::getUserId))
        .flatMap(stream -> stream)
        .filter(Objects::nonNull)
        .forEach(ids::add);
    if (task.getAssignee() != null) {
      ids.add(task.getAssignee());
    }
    Map<String, String> names = new TreeMap<>();
    for (String id : ids) {
      names.put(id, people.name(id));
    }
    return ResponseEntity.ok(new Names(names));
  }
}
