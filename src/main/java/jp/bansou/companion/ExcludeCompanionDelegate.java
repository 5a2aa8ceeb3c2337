package jp.bansou.companion;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.COMPANION_ID;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A companion who declined, or did not answer in time, is not proposed again for this case. */
@Component("excludeCompanion")
public class ExcludeCompanionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<String> declined = new ArrayList<>(DECLINED_COMPANIONS.orElse(execution, List.of()));
    COMPANION_ID
        .find(execution)
        .filter(companion -> !declined.contains(companion))
        .ifPresent(declined::add);
    DECLINED_COMPANIONS.set(execution, declined);
    COMPANION_ID.remove(execution);
    OFFER_ANSWER.remove(execution);
  }
}
