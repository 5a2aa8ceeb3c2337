package jp.bansou.deployment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator suspends a procedure with a reason, which is what people see when they meet it
 * (table {@code process_suspension}); the engine's own suspension calls are closed ({@link
 * EngineChangeGuard}).
 */
@Service
public class Suspensions {

  /** A suspended procedure and why. */
  public record Suspension(String processKey, String reason, String suspendedBy) {}

  private final RepositoryService repositoryService;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Suspensions(RepositoryService repositoryService, JdbcTemplate jdbc, Clock clock) {
    this.repositoryService = repositoryService;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public void suspend(String processKey, String reason, String by) {
    jdbc.update("delete from process_suspension where process_key = ?", processKey);
    jdbc.update(
        "insert into process_suspension (process_key, reason, suspended_by, suspended_at)"
            + " values (?, ?, ?, ?)",
        processKey,
        reason,
        by,
        Timestamp.from(clock.instant()));
    repositoryService
        .updateProcessDefinitionSuspensionState()
        .byProcessDefinitionKey(processKey)
        .includeProcessInstances(true)
        .suspend();
  }

  @Transactional
  public void resume(String processKey) {
    jdbc.update("delete from process_suspension where process_key = ?", processKey);
    repositoryService
        .updateProcessDefinitionSuspensionState()
        .byProcessDefinitionKey(processKey)
        .includeProcessInstances(true)
        .activate();
  }

  public List<Suspension> current() {
    return jdbc.query(
        "select * from process_suspension order by suspended_at",
        (rs, i) ->
            new Suspension(
                rs.getString("process_key"), rs.getString("reason"), rs.getString("suspended_by")));
  }

  /** What people are told when they meet a suspended procedure. */
  public Optional<String> reasons() {
    List<Suspension> current = current();
    return current.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join("／", current.stream().map(Suspension::reason).toList()));
  }

  public boolean exists(String processKey) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count()
        > 0;
  }
}
