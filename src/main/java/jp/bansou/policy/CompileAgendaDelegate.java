package jp.bansou.policy;

import static jp.bansou.policy.PolicyIssue.*;

import java.util.List;
import jp.bansou.engine.Markdown;
import jp.bansou.engine.SummaryLines;
import jp.bansou.engine.Texts;
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
  private final Texts texts;

  public CompileAgendaDelegate(PolicyRegister register, ReferenceData reference, Texts texts) {
    this.register = register;
    this.reference = reference;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<PolicyRegister.Entry> open = register.entries(true);
    AGENDA_ID.set(execution, register.compileAgenda());
    AGENDA_ENTRIES.set(execution, open.stream().map(e -> String.valueOf(e.id())).toList());
    AGENDA_ENTRY_COUNT.set(execution, (long) open.size());
    // every entry is on the agenda (agendaEntries); the form's summary stays within one variable
    AGENDA_SUMMARY.set(
        execution,
        SummaryLines.join(
            open.stream()
                .map(
                    e ->
                        texts.get(
                            "policy.agenda.line",
                            reference.name(ReferenceList.ADVOCACY_FIELDS, e.advocacyField()),
                            Markdown.escape(e.title()),
                            e.cases()))
                .toList(),
            Integer.MAX_VALUE,
            left -> texts.get("summary.more", left)));
  }
}
