package jp.bansou.trial;

import java.sql.Timestamp;
import java.time.Clock;
import jp.bansou.engine.Trial;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code trial_case}: the business key of every trial instance (a case number, an application
 * or event number), recorded when its first task is created and when it ends, so that {@link
 * Trial#realCase} leaves its rows out of every real figure, export and list.
 */
@Component
public class TrialCases {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public TrialCases(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the trial instance of this execution and every trial instance that called it. */
  public void record(DelegateExecution execution, String modeller) {
    for (DelegateExecution instance = execution.getProcessInstance();
        instance != null;
        instance =
            instance.getSuperExecution() == null
                ? null
                : instance.getSuperExecution().getProcessInstance()) {
      if (!Trial.is(instance.getTenantId())) {
        return;
      }
      String key = instance.getProcessBusinessKey();
      if (key != null) {
        jdbc.update(
            "insert into trial_case (business_key, process_instance_id, modeller, recorded_at)"
                + " select ?, ?, ?, ? from (values (1)) as one(x)"
                + " where not exists (select 1 from trial_case where business_key = ?)",
            key,
            instance.getId(),
            modeller,
            Timestamp.from(clock.instant()),
            key);
      }
    }
  }

  /** Whether this business key is a trial case's (for writers that keep tallies). */
  public boolean isTrial(String businessKey) {
    Integer count = jdbc.queryForObject(Trial.IS_TRIAL_CASE, Integer.class, businessKey);
    return count != null && count > 0;
  }

  /** Forgets them all, after the trial instances are removed. */
  public int forgetAll() {
    return jdbc.update("delete from trial_case");
  }
}
