package jp.bansou.policy;

import java.util.List;
import java.util.stream.Collectors;
import jp.bansou.forms.FormValues;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before each ministry negotiation: every open entry, with its evidence count, on one agenda. */
@Component("compileAgenda")
public class CompileAgendaDelegate implements JavaDelegate {

  private final PolicyRegister register;
  private final ReferenceData reference;

  public CompileAgendaDelegate(PolicyRegister register, ReferenceData reference) {
    this.register = register;
    this.reference = reference;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<PolicyRegister.Entry> open = register.entries(true);
    execution.setVariable("agendaId", register.compileAgenda());
    execution.setVariable(
        "agendaEntries",
        FormValues.javaList(open.stream().map(e -> String.valueOf(e.id())).toList()));
    execution.setVariable("agendaEntryCount", open.size());
    execution.setVariable(
        "agendaSummary",
        open.stream()
            .map(
                e ->
                    "- 【"
                        + reference.name(ReferenceList.ADVOCACY_FIELDS, e.advocacyField())
                        + "】"
                        + e.title()
                        + "（根拠 "
                        + e.cases()
                        + "件）")
            .collect(Collectors.joining("\n")));
  }
}
