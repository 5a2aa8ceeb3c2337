package jp.bansou.intake;

import static jp.bansou.intake.CaseVariables.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Looks for open cases that may be the same person: the same name and birth date, or the same phone
 * number. It only shows them to the coordinator; nothing is ever merged automatically.
 */
@Component("findPossibleDuplicates")
public class FindPossibleDuplicatesDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;

  public FindPossibleDuplicatesDelegate(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> reasons = new LinkedHashMap<>();
    String nameKey = FormValues.text(execution, NAME_KEY);
    Object birthDate = execution.getVariable(BIRTH_DATE);
    if (!nameKey.isEmpty() && birthDate != null && !birthDate.toString().isBlank()) {
      openCases(NAME_KEY, nameKey, BIRTH_DATE, birthDate, execution)
          .forEach(p -> reasons.put(p.getBusinessKey(), "名前と生年月日が同じ"));
    }
    String phone = FormValues.text(execution, PHONE_DIGITS);
    if (!phone.isEmpty()) {
      openCases(PHONE_DIGITS, phone, null, null, execution)
          .forEach(p -> reasons.merge(p.getBusinessKey(), "電話番号が同じ", (a, b) -> a + "、" + b));
    }
    execution.setVariable(POSSIBLE_DUPLICATE_COUNT, reasons.size());
    execution.setVariable(POSSIBLE_DUPLICATE_NUMBERS, FormValues.jsonList(reasons.keySet()));
    execution.setVariable(
        POSSIBLE_DUPLICATE_SUMMARY,
        reasons.entrySet().stream()
            .map(e -> "- ケース " + e.getKey() + "：" + e.getValue())
            .collect(Collectors.joining("\n")));
  }

  private java.util.List<ProcessInstance> openCases(
      String name, Object value, String name2, Object value2, DelegateExecution execution) {
    var query =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .variableValueEquals(name, value);
    if (name2 != null) {
      query = query.variableValueEquals(name2, value2);
    }
    return query.list().stream()
        .filter(p -> !p.getId().equals(execution.getProcessInstanceId()))
        .filter(p -> p.getBusinessKey() != null)
        .toList();
  }
}
