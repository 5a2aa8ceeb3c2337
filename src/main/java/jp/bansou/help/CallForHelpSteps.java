package jp.bansou.help;

import static jp.bansou.help.CallForHelp.*;

import java.util.ArrayList;
import java.util.List;
import jp.bansou.companion.CompanionMatcher;
import jp.bansou.companion.CompanionMatcher.Candidate;
import jp.bansou.engine.Markdown;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.Option;
import jp.bansou.engine.People;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.SummaryLines;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Trial;
import jp.bansou.facts.CaseFacts;
import jp.bansou.handover.HandOverSteps;
import jp.bansou.person.CaseAccess;
import jp.bansou.person.CaseAccess.Access;
import jp.bansou.person.IdentifierCheck;
import jp.bansou.person.PersonRecords;
import jp.bansou.person.PersonRecords.Sight;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * A companion asks for help — from Tasklist at any time, or by ticking 「助けが必要」 in a check-in — and
 * a coordinator answers, joins, or asks an experienced (certified) companion to advise. The adviser
 * sees the case's category facts and the question, not the person — unless a coordinator who sees
 * the person adds them to the case for the length of the call.
 */
@ModelApi
@Component("callsForHelp")
public class CallForHelpSteps {

  /** Why an adviser was let see the person, in the case's grants. */
  static final String ADVISER_GRANT = "adviser";

  private final CaseAccess access;
  private final PersonRecords records;
  private final IdentifierCheck identifierCheck;
  private final HandOverSteps caseFacts;
  private final CompanionMatcher matcher;
  private final CallForHelpRecords calls;
  private final RuntimeService runtimeService;
  private final Texts texts;
  private final People people;

  public CallForHelpSteps(
      CaseAccess access,
      PersonRecords records,
      IdentifierCheck identifierCheck,
      HandOverSteps caseFacts,
      CompanionMatcher matcher,
      CallForHelpRecords calls,
      RuntimeService runtimeService,
      Texts texts,
      People people) {
    this.people = people;
    this.access = access;
    this.records = records;
    this.identifierCheck = identifierCheck;
    this.caseFacts = caseFacts;
    this.matcher = matcher;
    this.calls = calls;
    this.runtimeService = runtimeService;
    this.texts = texts;
  }

  /**
   * Check-in completed (task listener in accompaniment-case): when the companion asked for help, a
   * call for help starts for the case's coordinators. The check-in's text goes with it only when it
   * names nobody.
   */
  public void fromCheckIn(DelegateTask task) {
    if (!CHECK_IN_NEEDS_HELP.isTrue(task)) {
      return;
    }
    String caseNumber = CaseFacts.CASE_NUMBER.get(task);
    String status = CHECK_IN_STATUS.orElse(task, "");
    String question =
        texts.get(
            "help.fromCheckIn",
            identifierCheck.identifiersIn(caseNumber, status).isEmpty() ? status : "");
    String companion = CaseFacts.COMPANION_ID.orElse(task, task.getAssignee());
    Context.getCommandContext()
        .runWithoutAuthorization(
            () ->
                Trial.startByMessage(
                    runtimeService,
                    task.getProcessEngineServices().getRepositoryService(),
                    runtimeService
                        .createMessageCorrelation(FROM_CHECK_IN_MESSAGE)
                        .setVariable(CaseFacts.CASE_NUMBER.name(), caseNumber)
                        .setVariable(ASKED_BY.name(), companion)
                        .setVariable(SOURCE.name(), FROM_CHECK_IN)
                        .setVariable(QUESTION.name(), question),
                    FROM_CHECK_IN_MESSAGE,
                    Trial.tenant(task)));
  }

  /**
   * The call: for an open case, by its companion, with a question that does not name the person.
   * Copies the case's category facts and proposes experienced companions who could advise.
   */
  public void check(DelegateExecution execution) {
    String caseNumber = CaseFacts.CASE_NUMBER.orElse(execution, "");
    Access a = access.find(caseNumber).filter(Access::open).orElse(null);
    String askedBy = ASKED_BY.orElse(execution, null);
    if (a == null || askedBy == null || !askedBy.equals(a.companionId())) {
      // the same answer whether the case is not there, not open or not theirs: it tells nobody
      // which case numbers exist, restricted ones among them
      throw new Refusal(texts.get("help.refused.notThisCase", caseNumber));
    }
    identifierCheck.refuseIfIdentifying(
        caseNumber, "help.refused.identifiers", QUESTION.orElse(execution, ""));
    if (SOURCE.find(execution).isEmpty()) {
      SOURCE.set(execution, FROM_TASKLIST);
    }
    caseFacts.copyCaseFacts(execution, caseNumber);
    ASKED_BY_NAME.set(execution, people.name(askedBy));
    List<String> fields = new ArrayList<>(CaseFacts.PROBLEM_FIELDS.orElse(execution, List.of()));
    FIELD.find(execution).ifPresent(fields::add);
    List<Candidate> advisers =
        matcher.advisers(
            fields, CaseFacts.LANGUAGES.orElse(execution, List.of()), List.of(askedBy));
    ADVISER_OPTIONS.set(
        execution,
        advisers.stream()
            .map(
                c ->
                    new Option(
                        c.userId(), texts.get("matching.option", c.displayName(), c.reasons())))
            .toList());
    ADVISER_SUMMARY.set(
        execution,
        advisers.isEmpty()
            ? texts.get("help.noAdvisers")
            : SummaryLines.join(
                advisers.stream()
                    .map(
                        c ->
                            texts.get(
                                "help.adviserLine", Markdown.escape(c.displayName()), c.reasons()))
                    .toList(),
                20,
                left -> texts.get("summary.more", left)));
    calls.asked(
        execution.getProcessInstanceId(),
        caseNumber,
        askedBy,
        SOURCE.get(execution),
        FIELD.orElse(execution, null));
  }

  /** The coordinator responded (complete listener): an adviser must be chosen to ask one. */
  public void responded(DelegateTask task) {
    String response = RESPONSE.orElse(task, ANSWER);
    if (ADVISE.equals(response) && ADVISER.find(task).isEmpty()) {
      throw new Refusal(texts.get("help.refused.noAdviser"));
    }
    if (ADVISE.equals(response) && ADVISER_SEES_PERSON.isTrue(task)) {
      String caseNumber = CaseFacts.CASE_NUMBER.get(task);
      if (records.sightOf(task.getAssignee(), caseNumber) != Sight.ALL) {
        throw new Refusal(texts.get("help.refused.cannotShare"));
      }
      access.grant(caseNumber, ADVISER.get(task), CaseAccess.Scope.ALL, ADVISER_GRANT);
    }
    calls.responded(task.getProcessInstanceId(), response, task.getAssignee());
    RESPONDED_BY.set(task.getExecution(), task.getAssignee());
  }

  /**
   * The coordinator joins the case: the companion is told who will work it with them. Sight of the
   * person stays as jp.bansou.person rules it (the coordinators responsible for the prefecture).
   */
  public void join(DelegateExecution execution) {
    JOINED_NOTE.set(
        execution, texts.get("help.joined", people.name(RESPONDED_BY.orElse(execution, ""))));
  }

  /**
   * The companion read the answer: the call is closed, and an adviser's sight of the person ends.
   */
  public void closed(DelegateExecution execution) {
    if (ADVISE.equals(RESPONSE.orElse(execution, ANSWER))
        && ADVISER_SEES_PERSON.isTrue(execution)) {
      ADVISER
          .find(execution)
          .ifPresent(adviser -> access.revoke(CaseFacts.CASE_NUMBER.get(execution), adviser));
    }
    calls.closed(execution.getProcessInstanceId());
  }
}
