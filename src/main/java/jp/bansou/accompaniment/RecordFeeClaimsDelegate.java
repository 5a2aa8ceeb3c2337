package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.Visit.*;
import static jp.bansou.facts.CaseFacts.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the approved fees (companion, and interpreter if there was one) for payment. */
@Component("recordFeeClaims")
public class RecordFeeClaimsDelegate implements JavaDelegate {

  private final FeeClaims feeClaims;
  private final Clock clock;

  public RecordFeeClaimsDelegate(FeeClaims feeClaims, Clock clock) {
    this.feeClaims = feeClaims;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = clock.instant();
    String caseNumber = CASE_NUMBER.get(execution);
    String approver = FEE_DECIDED_BY.orElse(execution, null);
    BigDecimal hours = HOURS_SPENT.orElse(execution, BigDecimal.ZERO);
    feeClaims.add(
        new FeeClaim(
            caseNumber,
            VISIT_DATE.orElse(execution, null),
            COMPANION_ID.get(execution),
            "companion",
            hours,
            COMPANION_FEE_YEN.get(execution).intValue(),
            approver,
            now));
    INTERPRETER_ID
        .find(execution)
        .filter(interpreter -> INTERPRETER_FEE_YEN.find(execution).isPresent())
        .ifPresent(
            interpreter ->
                feeClaims.add(
                    new FeeClaim(
                        caseNumber,
                        VISIT_DATE.orElse(execution, null),
                        interpreter,
                        "interpreter",
                        INTERPRETER_HOURS.orElse(execution, hours),
                        INTERPRETER_FEE_YEN.get(execution).intValue(),
                        approver,
                        now)));
  }
}
