package jp.bansou.casefile;

import static jp.bansou.casefile.CaseFile.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.stereotype.Component;

/**
 * Looks for open cases that may be the same person: the same name and birth date, or the same phone
 * number. It only shows them to the coordinator; nothing is ever merged automatically.
 */
@Component("findPossibleDuplicates")
public class FindPossibleDuplicatesDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;
  private final Texts texts;

  public FindPossibleDuplicatesDelegate(RuntimeService runtimeService, Texts texts) {
    this.runtimeService = runtimeService;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> reasons = new LinkedHashMap<>();
    Object birthDate = execution.getVariable(BIRTH_DATE.name());
    NAME_KEY
        .find(execution)
        .filter(nameKey -> BIRTH_DATE.find(execution).isPresent())
        .ifPresent(
            nameKey ->
                openCases(
                        execution,
                        query ->
                            query
                                .variableValueEquals(NAME_KEY.name(), nameKey)
                                .variableValueEquals(BIRTH_DATE.name(), birthDate))
                    .forEach(
                        key -> reasons.put(key, texts.get("duplicates.reason.nameAndBirthDate"))));
    PHONE_DIGITS
        .find(execution)
        .ifPresent(
            phone ->
                openCases(execution, query -> query.variableValueEquals(PHONE_DIGITS.name(), phone))
                    .forEach(
                        key ->
                            reasons.merge(
                                key, texts.get("duplicates.reason.phone"), (a, b) -> a + "、" + b)));
    POSSIBLE_DUPLICATE_COUNT.set(execution, (long) reasons.size());
    POSSIBLE_DUPLICATE_NUMBERS.set(execution, List.copyOf(reasons.keySet()));
    POSSIBLE_DUPLICATE_SUMMARY.set(
        execution,
        reasons.entrySet().stream()
            .map(e -> texts.get("duplicates.line", e.getKey(), e.getValue()))
            .collect(Collectors.joining("\n")));
  }

  /** Business keys of other open cases that the query's variable conditions find. */
  private List<String> openCases(
      DelegateExecution execution, java.util.function.UnaryOperator<ProcessInstanceQuery> where) {
    return where
        .apply(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY))
        .list()
        .stream()
        .filter(p -> !p.getId().equals(execution.getProcessInstanceId()))
        .map(ProcessInstance::getBusinessKey)
        .filter(key -> key != null)
        .toList();
  }
}
