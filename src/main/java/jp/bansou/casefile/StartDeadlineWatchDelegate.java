package jp.bansou.casefile;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.bansou.deadlines.DeadlineWatches;
import jp.bansou.engine.Trial;
import jp.bansou.engine.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the case's deadline watch ({@code deadline-watch}) and hands it the dates the intake
 * learned, each as its deadline type; how long each runs and when it alerts is in DMN {@code
 * deadline-types}.
 */
@Component("startDeadlineWatch")
public class StartDeadlineWatchDelegate implements JavaDelegate {

  /** Which date of the intake is which deadline type (reference/deadline-types.csv). */
  static final Map<Var<LocalDate>, String> INTAKE_DATES = new LinkedHashMap<>();

  static {
    INTAKE_DATES.put(VISA_EXPIRY, "visa-expiry");
    INTAKE_DATES.put(NEXT_REPORTING_DATE, "reporting-date");
    INTAKE_DATES.put(PROTECTION_ORDER_ISSUED_ON, "protection-order");
    INTAKE_DATES.put(SEPARATED_SINCE, "spouse-separation");
    INTAKE_DATES.put(REFUGEE_REFUSAL_NOTIFIED_ON, "refugee-refusal");
    INTAKE_DATES.put(INTERN_LEFT_ON, "intern-difficulty");
  }

  /** The type of a legal deadline given at intake without one. */
  static final String LEGAL = "legal";

  private final DeadlineWatches watches;

  public StartDeadlineWatchDelegate(DeadlineWatches watches) {
    this.watches = watches;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String watch = watches.start(CASE_NUMBER.get(execution), Trial.tenant(execution));
    INTAKE_DATES.forEach(
        (date, type) ->
            date.find(execution).ifPresent(day -> watches.enterInto(watch, type, day, null)));
    if (LEGAL_DEADLINE_SOON.isTrue(execution)) {
      watches.enterInto(
          watch,
          LEGAL_DEADLINE_TYPE.orElse(execution, LEGAL),
          LEGAL_DEADLINE_DATE.orElse(execution, null),
          LEGAL_DEADLINE_NOTE.orElse(execution, null));
    }
  }
}
