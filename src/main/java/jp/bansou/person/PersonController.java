package jp.bansou.person;

import jakarta.servlet.http.HttpServletRequest;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.api.ApiError;
import jp.bansou.engine.People;
import jp.bansou.engine.Texts;
import jp.bansou.facts.CaseFacts;
import jp.bansou.person.PersonRecords.NotEntitled;
import jp.bansou.person.PersonRecords.Sight;
import jp.bansou.security.ApiAccessFilter;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person behind a case, for those who may see them (see {@link PersonRecords}), and the log of
 * who looked:
 *
 * <ul>
 *   <li>{@code GET /api/tasks/{taskId}/person}: from a task in Tasklist (its 本人 tab);
 *   <li>{@code GET /api/cases/{caseNumber}/person}: from a page;
 *   <li>{@code GET /api/cases/{caseNumber}/reads}: who looked, and who wrote the person's
 *       identifiers without seeing them (a warning), for the responsible coordinator ({@link
 *       CaseReads});
 *   <li>{@code GET /api/identity-reads?month=2026-11}: all looks of a month, for supervisors;
 *   <li>{@code PUT /api/cases/{caseNumber}/restriction}: a responsible coordinator restricts a case
 *       to themselves and its companion;
 *   <li>{@code PUT /api/admin/coordinators/{userId}/regions}: an administrator sets a coordinator's
 *       prefectures.
 * </ul>
 */
@RestController
public class PersonController {

  /** The regions of a coordinator: JIS prefecture codes, or {@code *} for all. */
  public record Regions(List<String> prefectures) {}

  private final PersonRecords records;
  private final ReadLog readLog;
  private final CaseReads caseReads;
  private final CaseAccess access;
  private final CaseVisibility visibility;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Texts texts;

  public PersonController(
      PersonRecords records,
      ReadLog readLog,
      CaseReads caseReads,
      CaseAccess access,
      CaseVisibility visibility,
      TaskService taskService,
      IdentityService identityService,
      Texts texts) {
    this.records = records;
    this.readLog = readLog;
    this.caseReads = caseReads;
    this.access = access;
    this.visibility = visibility;
    this.taskService = taskService;
    this.identityService = identityService;
    this.texts = texts;
  }

  @GetMapping("/api/tasks/{taskId}/person")
  public ResponseEntity<?> personOfTask(@PathVariable String taskId, HttpServletRequest request) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    String caseNumber =
        task == null
            ? null
            : CaseFacts.CASE_NUMBER
                .read(taskService.getVariable(taskId, CaseFacts.CASE_NUMBER.name()))
                .orElse(null);
    if (caseNumber == null) {
      return refuse(HttpStatus.NOT_FOUND, "person.noCase");
    }
    return show(
        user(request), caseNumber, ReadLog.TASK + task.getTaskDefinitionKey() + " " + taskId);
  }

  @GetMapping("/api/cases/{caseNumber}/person")
  public ResponseEntity<?> personOfCase(
      @PathVariable String caseNumber, HttpServletRequest request) {
    return show(user(request), caseNumber, ReadLog.PAGE + "/api/cases/" + caseNumber + "/person");
  }

  @GetMapping("/api/cases/{caseNumber}/reads")
  public ResponseEntity<?> reads(@PathVariable String caseNumber, HttpServletRequest request) {
    String user = user(request);
    if (!isCoordinator(user) || records.sightOf(user, caseNumber) != Sight.ALL) {
      return refuse(HttpStatus.FORBIDDEN, "person.reads.notEntitled");
    }
    return ResponseEntity.ok(caseReads.of(caseNumber));
  }

  /**
   * A month's reads, for supervisors and administrators (who oversee that identities are read only
   * by those who need them). Of a restricted case only that it was read, and when: its number, who
   * read it, which fields and whether it was a warning stay with its coordinator ({@code
   * /api/cases/{caseNumber}/reads}), since who works on it, or knew the person, says who they are.
   */
  @GetMapping("/api/identity-reads")
  public ResponseEntity<?> readsOfMonth(
      @RequestParam("month") String month, HttpServletRequest request) {
    String user = user(request);
    if (!isMember(user, Role.SUPERVISORS.groupId()) && !isMember(user, Role.ADMIN_GROUP)) {
      return refuse(HttpStatus.FORBIDDEN, "person.reads.month.notEntitled");
    }
    YearMonth asked;
    try {
      asked = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      return refuse(HttpStatus.BAD_REQUEST, "api.feeClaims.badMonth");
    }
    if (asked.getYear() < 2000 || asked.getYear() > 9999) {
      // a year a timestamp cannot hold (+999999999-12) is no month anyone read in
      return refuse(HttpStatus.BAD_REQUEST, "api.feeClaims.badMonth");
    }
    Map<String, Boolean> restricted = new HashMap<>();
    return ResponseEntity.ok(
        readLog.in(asked).stream()
            .map(
                read ->
                    restricted.computeIfAbsent(
                            read.caseNumber(),
                            number -> access.find(number).map(a -> a.restricted()).orElse(false))
                        ? new ReadLog.Read(
                            texts.get("person.reads.restrictedCase"),
                            "",
                            read.readAt(),
                            "",
                            "",
                            null)
                        : read)
            .toList());
  }

  @PutMapping("/api/cases/{caseNumber}/restriction")
  public ResponseEntity<?> restrict(@PathVariable String caseNumber, HttpServletRequest request) {
    String user = user(request);
    if (!isCoordinator(user) || records.sightOf(user, caseNumber) != Sight.ALL) {
      return refuse(HttpStatus.FORBIDDEN, "person.restrict.notEntitled");
    }
    visibility.restrict(caseNumber, user);
    return ResponseEntity.ok(access.find(caseNumber).orElseThrow());
  }

  @PutMapping("/api/admin/coordinators/{userId}/regions")
  public ResponseEntity<?> regions(@PathVariable String userId, @RequestBody Regions regions) {
    if (!isCoordinator(userId)) {
      return refuse(HttpStatus.BAD_REQUEST, "person.regions.notCoordinator");
    }
    if (regions == null || regions.prefectures() == null) {
      // a body without the list (a misspelt name, {}) took every region away
      return refuse(HttpStatus.BAD_REQUEST, "person.regions.missing");
    }
    List<String> prefectures = regions.prefectures();
    if (prefectures.stream()
        .anyMatch(p -> p == null || !p.matches("\\*|0[1-9]|[1-3][0-9]|4[0-7]"))) {
      return refuse(HttpStatus.BAD_REQUEST, "person.regions.badCode");
    }
    access.setRegions(userId, prefectures);
    return ResponseEntity.ok(new Regions(access.regionsOf(userId)));
  }

  private ResponseEntity<?> show(String user, String caseNumber, String via) {
    try {
      return ResponseEntity.ok(records.read(user, caseNumber, via));
    } catch (NotEntitled e) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(e.getMessage()));
    }
  }

  private boolean isCoordinator(String user) {
    return isMember(user, Role.COORDINATORS.groupId());
  }

  private boolean isMember(String user, String group) {
    return People.isMember(identityService, user, group);
  }

  private ResponseEntity<ApiError> refuse(HttpStatus status, String key) {
    return ResponseEntity.status(status).body(new ApiError(texts.get(key)));
  }

  private static String user(HttpServletRequest request) {
    return (String) request.getAttribute(ApiAccessFilter.USER_ATTRIBUTE);
  }
}
