package jp.bansou.companion;

import static jp.bansou.intake.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;
import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A companion who declined, or did not answer in time, is not proposed again for this case. */
@Component("excludeCompanion")
public class ExcludeCompanionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<String> declined = new ArrayList<>(FormValues.strings(execution, DECLINED_COMPANIONS));
    String companion = FormValues.text(execution, COMPANION_ID);
    if (!companion.isEmpty() && !declined.contains(companion)) {
      declined.add(companion);
    }
    execution.setVariable(DECLINED_COMPANIONS, FormValues.jsonList(declined));
    execution.removeVariable(COMPANION_ID);
    execution.removeVariable(OFFER_ANSWER);
  }
}
