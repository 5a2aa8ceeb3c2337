package jp.bansou.intake;

import static jp.bansou.intake.CaseVariables.*;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.bansou.forms.FormValues;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.reports.CaseSummaryRecorder;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Registers a new case: checks consent, gives the case its number (also its business key) and
 * derives the facts that triage and the duplicate check read.
 */
@Component("registerCase")
public class RegisterCaseDelegate implements JavaDelegate {

  static final List<String> URGENCY_SIGNALS =
      List.of(NO_FOOD_OR_MONEY, NO_HOUSING, VIOLENCE, DETENTION_RISK, HEALTH_EMERGENCY);

  private final CaseNumbers caseNumbers;
  private final ReferenceData reference;
  private final CaseSummaryRecorder summaries;

  public RegisterCaseDelegate(
      CaseNumbers caseNumbers, ReferenceData reference, CaseSummaryRecorder summaries) {
    this.caseNumbers = caseNumbers;
    this.reference = reference;
    this.summaries = summaries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!FormValues.flag(execution, CONSENT_CASE_WORK)) {
      throw new CaseIntakeException("ケースワークへの本人の同意がないため受け付けられません。同意を確認してから、もう一度送信してください。");
    }
    if (FormValues.text(execution, PERSON_NAME).isEmpty()) {
      throw new CaseIntakeException("氏名または呼び名を入力してください（仮名でもかまいません）。");
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(FormValues.JAPAN).toLocalDate();
    String caseNumber = caseNumbers.next(today.getYear());
    execution.setVariable(CASE_NUMBER, caseNumber);
    execution.setProcessBusinessKey(caseNumber);

    execution.setVariable(
        STATUS_CATEGORY, reference.statusCategory(FormValues.text(execution, RESIDENCE_STATUS)));
    execution.setVariable(NAME_KEY, nameKey(FormValues.text(execution, PERSON_NAME)));
    execution.setVariable(PHONE_DIGITS, phoneDigits(FormValues.text(execution, PHONE)));
    execution.setVariable(
        PROBLEM_FIELDS, FormValues.jsonList(FormValues.strings(execution, PROBLEM_FIELDS)));
    execution.setVariable(LANGUAGES, FormValues.jsonList(FormValues.strings(execution, LANGUAGES)));
    for (String signal : URGENCY_SIGNALS) {
      execution.setVariable(signal, FormValues.flag(execution, signal));
    }
    execution.setVariable(INTERPRETER_NEEDED, FormValues.flag(execution, INTERPRETER_NEEDED));

    execution.setVariable(CASE_OVERVIEW, overview(execution));

    LocalDate deadline =
        FormValues.flag(execution, LEGAL_DEADLINE_SOON)
            ? FormValues.date(execution, LEGAL_DEADLINE_DATE)
            : null;
    execution.setVariable(
        LEGAL_DEADLINE_DAYS, deadline == null ? null : ChronoUnit.DAYS.between(today, deadline));
    summaries.registered(execution);
  }

  /** What a companion reads before accepting: categories only, no identifiers. */
  private String overview(DelegateExecution execution) {
    String municipality = FormValues.text(execution, MUNICIPALITY);
    List<String> languages = FormValues.strings(execution, LANGUAGES);
    return "- 地域："
        + reference.name(ReferenceList.PREFECTURES, FormValues.text(execution, PREFECTURE))
        + (municipality.isEmpty() ? "" : " " + municipality)
        + "\n- 在留資格："
        + reference.name(
            ReferenceList.RESIDENCE_STATUSES, FormValues.text(execution, RESIDENCE_STATUS))
        + "\n- 言語："
        + names(ReferenceList.LANGUAGES, languages)
        + (FormValues.flag(execution, INTERPRETER_NEEDED) ? "（通訳が必要）" : "")
        + "\n- 相談の分野："
        + names(ReferenceList.PROBLEM_FIELDS, FormValues.strings(execution, PROBLEM_FIELDS));
  }

  private String names(ReferenceList list, List<String> codes) {
    return codes.isEmpty()
        ? "（未入力）"
        : String.join("、", codes.stream().map(c -> reference.name(list, c)).toList());
  }

  /** Same person, differently typed: width, case and spaces do not count. */
  static String nameKey(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC)
        .toLowerCase()
        .replaceAll("[\\s・･.,]", "");
  }

  static String phoneDigits(String phone) {
    String digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("\\D", "");
    return digits.length() < 6 ? "" : digits;
  }
}
