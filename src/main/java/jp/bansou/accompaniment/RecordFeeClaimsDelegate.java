package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.AccompanimentVariables.*;

import java.math.BigDecimal;
import java.time.Instant;
import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Records the approved fees (companion, and interpreter if there was one) for payment. */
@Component("recordFeeClaims")
public class RecordFeeClaimsDelegate implements JavaDelegate {

  private final FeeClaims feeClaims;

  public RecordFeeClaimsDelegate(FeeClaims feeClaims) {
    this.feeClaims = feeClaims;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String approver = FormValues.text(execution, FEE_DECIDED_BY);
    BigDecimal hours = hours(execution.getVariable(HOURS_SPENT));
    feeClaims.add(
        new FeeClaim(
            FormValues.text(execution, CASE_NUMBER),
            FormValues.date(execution, VISIT_DATE),
            FormValues.text(execution, COMPANION_ID),
            "companion",
            hours,
            ((Number) execution.getVariable(COMPANION_FEE_YEN)).intValue(),
            approver,
            now));
    Object interpreter = execution.getVariable(INTERPRETER_ID);
    if (interpreter != null && execution.getVariable(INTERPRETER_FEE_YEN) != null) {
      Object interpreterHours = execution.getVariable(INTERPRETER_HOURS);
      feeClaims.add(
          new FeeClaim(
              FormValues.text(execution, CASE_NUMBER),
              FormValues.date(execution, VISIT_DATE),
              interpreter.toString(),
              "interpreter",
              interpreterHours == null ? hours : hours(interpreterHours),
              ((Number) execution.getVariable(INTERPRETER_FEE_YEN)).intValue(),
              approver,
              now));
    }
  }

  private static BigDecimal hours(Object value) {
    return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
  }
}
