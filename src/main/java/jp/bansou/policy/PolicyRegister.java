package jp.bansou.policy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jp.bansou.engine.ModelApi;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Component;

/**
 * The policy-issue register: entries by advocacy field, anonymous evidence from closed cases,
 * half-yearly agendas and the ministries' answers. Nothing here can identify a person.
 */
@ModelApi
@Component("policyRegister")
public class PolicyRegister {

  /** An entry of the register with how many cases support it. */
  public record Entry(long id, String advocacyField, String title, String status, int cases) {}

  /** Evidence of one entry, categories only, for the export. */
  public record Evidence(
      String prefecture, String statusCategory, String outcome, String reportedMonth) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final SimpleJdbcInsert issues;
  private final SimpleJdbcInsert agendas;

  public PolicyRegister(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.issues =
        new SimpleJdbcInsert(jdbc).withTableName("policy_issue").usingGeneratedKeyColumns("id");
    this.agendas =
        new SimpleJdbcInsert(jdbc).withTableName("policy_agenda").usingGeneratedKeyColumns("id");
  }

  public List<Entry> entries(boolean openOnly) {
    return jdbc.query(
        "select p.id, p.advocacy_field, p.title, p.status, count(e.id) as cases"
            + " from policy_issue p left join policy_evidence e on e.policy_issue_id = p.id"
            + (openOnly ? " where p.status = 'open'" : "")
            + " group by p.id, p.advocacy_field, p.title, p.status order by p.advocacy_field, p.id",
        (rs, i) ->
            new Entry(
                rs.getLong("id"),
                rs.getString("advocacy_field"),
                rs.getString("title"),
                rs.getString("status"),
                rs.getInt("cases")));
  }

  /** For the model: the title of an entry, shown in the ministry-answer form. */
  public String title(Object policyIssueId) {
    return jdbc.queryForObject(
        "select title from policy_issue where id = ?",
        String.class,
        Long.valueOf(policyIssueId.toString()));
  }

  public long open(String advocacyField, String title) {
    return issues
        .executeAndReturnKey(
            Map.of(
                "advocacy_field",
                advocacyField,
                "title",
                title,
                "status",
                "open",
                "opened_at",
                now()))
        .longValue();
  }

  public void addEvidence(
      long policyIssueId,
      String prefecture,
      String statusCategory,
      List<String> problemFields,
      String outcome,
      String reportedMonth,
      String description) {
    jdbc.update(
        "insert into policy_evidence (policy_issue_id, prefecture, status_category, problem_fields,"
            + " outcome, reported_month, description, added_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        policyIssueId,
        prefecture,
        statusCategory,
        String.join(",", problemFields),
        outcome,
        reportedMonth,
        description,
        now());
  }

  /** A new agenda of every open entry; returns its id. */
  public long compileAgenda() {
    return agendas.executeAndReturnKey(Map.of("compiled_at", now())).longValue();
  }

  public void recordAnswer(
      long agendaId, long policyIssueId, String ministry, String answer, boolean staysOpen) {
    jdbc.update(
        "insert into ministry_answer (agenda_id, policy_issue_id, ministry, answer, stays_open,"
            + " recorded_at) values (?, ?, ?, ?, ?, ?)",
        agendaId,
        policyIssueId,
        ministry,
        answer,
        staysOpen,
        now());
    if (!staysOpen) {
      jdbc.update(
          "update policy_issue set status = 'closed', closed_at = ? where id = ?",
          now(),
          policyIssueId);
    }
  }

  /** Open entries per advocacy field, for the dashboard. */
  public Map<String, Long> openByField() {
    // the entries only: their evidence, which grows with every closed case, is not read
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.query(
        "select advocacy_field, count(*) from policy_issue where status = 'open'"
            + " group by advocacy_field",
        rs -> {
          if (rs.getString(1) != null) {
            counts.put(rs.getString(1), rs.getLong(2));
          }
        });
    return counts;
  }

  /** Per entry: the prefectures, status categories and outcomes of its evidence (for export). */
  public List<Evidence> evidenceOf(long policyIssueId) {
    return jdbc.query(
        "select prefecture, status_category, outcome, reported_month"
            + " from policy_evidence where policy_issue_id = ? order by id",
        (rs, i) ->
            new Evidence(
                rs.getString("prefecture"),
                rs.getString("status_category"),
                rs.getString("outcome"),
                rs.getString("reported_month")),
        policyIssueId);
  }

  /** The id of an open entry chosen in a form, if it is one. */
  public java.util.Optional<Long> openEntry(String chosen) {
    long id;
    try {
      id = Long.parseLong(chosen);
    } catch (NumberFormatException notAnId) {
      return java.util.Optional.empty();
    }
    // by its id, not by counting every open entry's evidence
    return jdbc
        .queryForList(
            "select id from policy_issue where id = ? and status = 'open'", Long.class, id)
        .stream()
        .findFirst();
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
