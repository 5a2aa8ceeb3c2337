package jp.bansou.lessons;

import static jp.bansou.accompaniment.Visit.OFFICE_TYPE;
import static jp.bansou.accompaniment.Visit.VISIT_PURPOSE;
import static jp.bansou.lessons.Lessons.*;

import java.util.List;
import java.util.Optional;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.facts.CaseFacts;
import jp.bansou.handover.HandOverSteps;
import jp.bansou.person.CaseAccess;
import jp.bansou.person.IdentifierCheck;
import jp.bansou.person.PersonRecords;
import jp.bansou.person.PersonRecords.Sight;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A companion writes down what worked at an office; the text is checked for the person's
 * identifiers (the guard of policy descriptions), a coordinator reviews it, and only then every
 * companion finds it in the register ({@code /lessons}).
 */
@ModelApi
@Component("lessons")
public class LessonSteps {

  private final CaseSummaries summaries;
  private final IdentifierCheck identifierCheck;
  private final HandOverSteps roles;
  private final LessonRegister register;
  private final ReferenceData reference;
  private final CaseAccess access;
  private final PersonRecords records;
  private final Texts texts;

  public LessonSteps(
      CaseSummaries summaries,
      IdentifierCheck identifierCheck,
      HandOverSteps roles,
      LessonRegister register,
      ReferenceData reference,
      CaseAccess access,
      PersonRecords records,
      Texts texts) {
    this.records = records;
    this.summaries = summaries;
    this.identifierCheck = identifierCheck;
    this.roles = roles;
    this.register = register;
    this.reference = reference;
    this.access = access;
    this.texts = texts;
  }

  /**
   * The lesson: from the case's companion (or a coordinator), about a case of the network, with no
   * identifier of the person in any text. Keeps it for review with the case's categories.
   */
  public void check(DelegateExecution execution) {
    String caseNumber = CaseFacts.CASE_NUMBER.orElse(execution, "");
    String writer = WRITTEN_BY.orElse(execution, null);
    CaseSummary summary = summaries.find(caseNumber).orElse(null);
    Optional<CaseAccess.Access> facts = access.find(caseNumber);
    boolean restricted = facts.map(CaseAccess.Access::restricted).orElse(false);
    // a case that is not there and a case that is not theirs get the same answer: the refusal
    // tells nobody which case numbers exist; a restricted case is a coordinator's only if named
    // a coordinator who sees the case (its region's, a restricted case's own): the note is checked
    // for the person's identifiers, and that refusal would tell anyone else whose name or phone
    // is in the case
    boolean theirs =
        summary != null
            && writer != null
            && (writer.equals(summary.companionId())
                || roles.isMember(writer, Role.COORDINATORS)
                    && records.sightOf(writer, caseNumber) == Sight.ALL);
    if (!theirs) {
      throw new Refusal(texts.get("lesson.refused.notThisCase", caseNumber));
    }
    if (restricted) {
      // every companion reads a lesson with the case's prefecture and categories
      throw new Refusal(texts.get("lesson.refused.restricted"));
    }
    if (!reference.has(ReferenceList.OFFICE_TYPES, OFFICE_TYPE.orElse(execution, ""))
        || !reference.has(ReferenceList.PROBLEM_FIELDS, PROBLEM_FIELD.orElse(execution, ""))
        || WHAT_WORKED.find(execution).isEmpty()) {
      throw new Refusal(texts.get("lesson.refused.incomplete"));
    }
    identifierCheck.refuseIfIdentifying(
        caseNumber,
        "lesson.refused.identifiers",
        WHAT_WAS_SAID.orElse(execution, "") + "\n" + WHAT_WORKED.orElse(execution, ""));
    List<String> documents = DOCUMENTS.orElse(execution, List.of());
    register.written(
        execution.getProcessInstanceId(),
        caseNumber,
        writer,
        OFFICE_TYPE.get(execution),
        VISIT_PURPOSE.orElse(execution, null),
        summary.statusCategory(),
        PROBLEM_FIELD.get(execution),
        summary.prefecture(),
        WHAT_WAS_SAID.orElse(execution, null),
        WHAT_WORKED.get(execution),
        documents);
    SUMMARY.set(
        execution,
        texts.get(
            "lesson.summary",
            reference.name(ReferenceList.OFFICE_TYPES, OFFICE_TYPE.get(execution)),
            VISIT_PURPOSE
                .find(execution)
                .filter(p -> reference.has(ReferenceList.VISIT_PURPOSES, p))
                .map(p -> reference.name(ReferenceList.VISIT_PURPOSES, p))
                .orElse("—"),
            reference.name(ReferenceList.PROBLEM_FIELDS, PROBLEM_FIELD.get(execution)),
            name(ReferenceList.STATUS_CATEGORIES, summary.statusCategory()),
            name(ReferenceList.PREFECTURES, summary.prefecture()),
            documents.isEmpty() ? "—" : reference.names(ReferenceList.VISIT_DOCUMENTS, documents)));
  }

  /** The coordinator reviewed (complete listener): who, so that the register says so. */
  public void reviewed(DelegateTask task) {
    REVIEWED_BY.set(task.getExecution(), task.getAssignee());
  }

  public void publish(DelegateExecution execution) {
    register.reviewed(execution.getProcessInstanceId(), true, REVIEWED_BY.orElse(execution, null));
  }

  public void returnToWriter(DelegateExecution execution) {
    register.reviewed(execution.getProcessInstanceId(), false, REVIEWED_BY.orElse(execution, null));
  }

  private String name(ReferenceList list, String code) {
    return code != null && reference.has(list, code) ? reference.name(list, code) : "—";
  }
}
