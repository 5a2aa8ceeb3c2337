package jp.bansou.negotiation;

import jakarta.servlet.http.HttpServletRequest;
import jp.bansou.api.ApiError;
import jp.bansou.engine.People;
import jp.bansou.engine.Texts;
import jp.bansou.person.PersonRecords;
import jp.bansou.person.PersonRecords.Sight;
import jp.bansou.security.ApiAccessFilter;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A counterparty's answer sent by a coordinator's script: {@code POST
 * /api/negotiations/{caseNumber}/response {"employerResponse": "refused"}}. Only the answer and a
 * note travel: nobody may change a negotiation's other variables this way. Sent by a coordinator
 * who sees the case (its region's, a restricted case's own); for anyone else the case is as one
 * that waits for no answer, so that the answer tells nobody which case numbers wait for one.
 */
@RestController
public class ResponseController {

  /** What a script may send. */
  public record Response(String employerResponse, String responseNote) {}

  static final java.util.Set<String> ANSWERS = java.util.Set.of("agreed", "counter", "refused");

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final PersonRecords records;
  private final Texts texts;

  public ResponseController(
      RuntimeService runtimeService,
      IdentityService identityService,
      PersonRecords records,
      Texts texts) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.records = records;
    this.texts = texts;
  }

  @PostMapping("/api/negotiations/{caseNumber}/response")
  public ResponseEntity<?> respond(
      @PathVariable String caseNumber, @RequestBody Response response, HttpServletRequest request) {
    String user = (String) request.getAttribute(ApiAccessFilter.USER_ATTRIBUTE);
    boolean responsible =
        People.isMember(identityService, user, Role.COORDINATORS.groupId())
            && records.sightOf(user, caseNumber) == Sight.ALL;
    if (!responsible) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(new ApiError(texts.get("negotiation.notWaiting", caseNumber)));
    }
    if (response.employerResponse() == null || !ANSWERS.contains(response.employerResponse())) {
      return ResponseEntity.badRequest().body(new ApiError(texts.get("negotiation.badAnswer")));
    }
    String note = response.responseNote() == null ? "" : response.responseNote().strip();
    if (note.length() > 2000) {
      return ResponseEntity.badRequest().body(new ApiError(texts.get("negotiation.noteTooLong")));
    }
    var waiting =
        runtimeService
            .createEventSubscriptionQuery()
            .eventType("message")
            .eventName(Negotiation.RESPONSE_MESSAGE)
            .list()
            .stream()
            .filter(
                s ->
                    runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(s.getProcessInstanceId())
                            .processInstanceBusinessKey(caseNumber)
                            .count()
                        > 0)
            .toList();
    if (waiting.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(new ApiError(texts.get("negotiation.notWaiting", caseNumber)));
    }
    runtimeService
        .createMessageCorrelation(Negotiation.RESPONSE_MESSAGE)
        .processInstanceId(waiting.get(0).getProcessInstanceId())
        .setVariables(
            Variables.putValue(Negotiation.EMPLOYER_RESPONSE.name(), response.employerResponse())
                .putValue("responseNote", note))
        .correlate();
    return ResponseEntity.ok(response);
  }
}
