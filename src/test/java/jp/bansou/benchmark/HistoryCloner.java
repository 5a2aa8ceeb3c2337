package jp.bansou.benchmark;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes many closed cases quickly on PostgreSQL, in SQL, from one real closed lifecycle. The
 * engine's history rows (what a case view and Cockpit read) are copied with fresh instance ids (md5
 * of id and copy number, so references between rows stay consistent) for the first {@code
 * historyCopies} cases, with the grants the engine keeps for that history; the rows the dashboard
 * and exports read ({@code case_summary}, {@code case_access}, {@code case_statistic}, {@code
 * visit_outcome}, {@code policy_evidence}) for every closed case. Definitions, activity ids and
 * byte arrays are shared with the original, as they would be.
 */
final class HistoryCloner {

  /** Columns that hold an id of this run's instances; everything else is copied as it is. */
  static final Set<String> INSTANCE_IDS =
      Set.of(
          "id_",
          "proc_inst_id_",
          "root_proc_inst_id_",
          "execution_id_",
          "task_id_",
          "act_inst_id_",
          "parent_act_inst_id_",
          "call_proc_inst_id_",
          "super_process_instance_id_",
          "var_inst_id_",
          "parent_task_id_",
          "dec_inst_id_",
          "root_dec_inst_id_",
          "business_key_");

  /**
   * The history a case view, Tasklist and the dashboard read. Variable-change details, operation
   * and job logs and decision inputs are not copied: no measured query reads them, and copying them
   * made 100,000 cases take most of an hour on two cores.
   */
  static final List<String> COPIED_TABLES =
      List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst");

  private final JdbcTemplate jdbc;
  private final String template;
  private final String templateCase;
  private int historyCopies;
  private int caseCopies;

  HistoryCloner(JdbcTemplate jdbc, String templateRootProcessInstanceId) {
    this.jdbc = jdbc;
    this.template = templateRootProcessInstanceId;
    this.templateCase =
        jdbc.queryForObject(
            "select case_number from case_summary where process_instance_id = ?",
            String.class,
            template);
  }

  /** Copies the engine's history of the template until there are {@code copies} copies. */
  void historyUntil(int copies) {
    if (copies <= historyCopies) {
      return;
    }
    int from = historyCopies + 1;
    for (String table : COPIED_TABLES) {
      copy(table, INSTANCE_IDS, from, copies, "root_proc_inst_id_ = ?", template);
    }
    // the grants a closed case leaves (enable-historic-instance-permissions): its tasks' and its
    // instances' history, named by their ids, kept as long as the history is
    copy(
        "act_ru_authorization",
        Set.of("id_", "resource_id_", "root_proc_inst_id_"),
        from,
        copies,
        OF_THE_TEMPLATE,
        template,
        template);
    historyCopies = copies;
  }

  /** A grant of the template case: on its history, or on one of its instances. */
  static final String OF_THE_TEMPLATE =
      "root_proc_inst_id_ = ? or resource_id_ in"
          + " (select id_ from act_hi_procinst where root_proc_inst_id_ = ?)";

  /**
   * Copies the rows {@code where} picks as copies {@code from} to {@code to}, each id column given
   * a fresh id (md5 of the id and the copy number, so references between rows stay consistent).
   */
  private void copy(
      String table, Set<String> ids, int from, int to, String where, Object... arguments) {
    List<String> columns = columns(table);
    String select =
        String.join(
            ", ",
            columns.stream()
                .map(
                    c ->
                        ids.contains(c)
                            ? "case when "
                                + c
                                + " is null then null else md5("
                                + c
                                + " || '-' || g) end"
                            : c)
                .toList());
    jdbc.update(
        "insert into "
            + table
            + " ("
            + String.join(", ", columns)
            + ") select "
            + select
            + " from "
            + table
            + ", generate_series("
            + from
            + ", "
            + to
            + ") g where ("
            + where
            + ")",
        arguments);
  }

  /** The grants of one closed case, as the copies have them. */
  int grantsPerCase() {
    Integer grants =
        jdbc.queryForObject(
            "select count(*) from act_ru_authorization where " + OF_THE_TEMPLATE,
            Integer.class,
            template,
            template);
    return grants == null ? 0 : grants;
  }

  /**
   * Adds closed cases' summary, access, form statistics, visit outcome and policy evidence rows
   * until there are {@code closedCases} closed cases; copy number g has case number C000000g and,
   * where its history was copied, the copied root instance md5(template || '-' || g).
   */
  void casesUntil(int closedCases) {
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from case_summary where closed_at is not null", Integer.class);
    int missing = closedCases - existing;
    if (missing <= 0) {
      return;
    }
    int from = caseCopies + 1;
    int to = caseCopies + missing;
    String series = " generate_series(" + from + ", " + to + ") g ";
    jdbc.update(
        "insert into case_summary (case_number, process_instance_id, opened_at, closed_at, prefecture,"
            + " status_category, nationality, languages, problem_fields, referred_by, urgency, tracks,"
            + " triage_overridden, companion_id, outcome, consent_statistics, answers)"
            + " select 'C' || lpad(g::text, 9, '0'), md5(process_instance_id || '-' || g),"
            + " opened_at - (g % 700) * interval '1 day', closed_at - (g % 700) * interval '1 day',"
            + " lpad(((g % 47) + 1)::text, 2, '0'), status_category, nationality, languages,"
            + " problem_fields, referred_by, urgency, tracks, triage_overridden, companion_id,"
            + " case g % 4 when 0 then 'referred' else outcome end, g % 10 <> 0,"
            + " case when g % 3 = 0 then replace(answers, chr(9) || 'true', chr(9) || 'false')"
            + " else answers end"
            + " from case_summary,"
            + series
            + "where process_instance_id = ?",
        template);
    jdbc.update(
        "insert into visit_outcome (case_number, office_type, office_prefecture, visit_purpose,"
            + " visit_result, barriers, visit_month, policy_flagged, recorded_at)"
            + " select 'C' || lpad(g::text, 9, '0'), office_type, lpad(((g % 47) + 1)::text, 2, '0'),"
            + " visit_purpose, visit_result,"
            + " case g % 3 when 0 then barriers when 1 then '' else 'status-refusal' end,"
            + " visit_month, policy_flagged, recorded_at - (g % 700) * interval '1 day'"
            + " from visit_outcome,"
            + series
            + "where case_number = ?",
        templateCase);
    // who may see the case (every case has its row; one in a hundred restricted, a DV case)
    jdbc.update(
        "insert into case_access (case_number, prefecture, restricted, restricted_coordinator,"
            + " companion_id, consent_sharing, open, closed_at)"
            + " select 'C' || lpad(g::text, 9, '0'), lpad(((g % 47) + 1)::text, 2, '0'),"
            + " g % 100 = 1, restricted_coordinator, companion_id, consent_sharing, open,"
            + " closed_at - (g % 700) * interval '1 day'"
            + " from case_access,"
            + series
            + "where case_number = ?",
        templateCase);
    // the answers to the form questions marked as statistics (the intake asks two), which
    // cases.csv gives a column each; a case without consent, or restricted, keeps them uncounted
    jdbc.update(
        "insert into case_statistic (case_number, field_key, categories, recorded_at, counted)"
            + " select 'C' || lpad(g::text, 9, '0'), field_key,"
            + " case when categories = 'true' and g % 3 = 0 then 'false' else categories end,"
            + " recorded_at - (g % 700) * interval '1 day', g % 10 <> 0 and g % 100 <> 1"
            + " from case_statistic,"
            + series
            + "where case_number = ?",
        templateCase);
    // one in ten closed cases reported a systemic problem
    jdbc.update(
        "insert into policy_evidence (policy_issue_id, prefecture, status_category, problem_fields,"
            + " outcome, reported_month, description, added_at)"
            + " select policy_issue_id, lpad(((g % 47) + 1)::text, 2, '0'), status_category,"
            + " problem_fields, outcome, reported_month, description, added_at"
            + " from (select * from policy_evidence order by id desc limit 1) e,"
            + series
            + "where g % 10 = 0");
    // the tallies the application keeps in step as it records a visit or closes a case (V60)
    if (exists("visit_barrier_tally")) {
      jdbc.update("delete from visit_barrier_tally");
      jdbc.update(
          "insert into visit_barrier_tally (office_type, office_prefecture, barriers, visits)"
              + " select office_type, coalesce(office_prefecture, ''), barriers, count(*)"
              + " from visit_outcome group by office_type, coalesce(office_prefecture, ''), barriers");
      jdbc.update("delete from case_statistic_tally");
      jdbc.update(
          "insert into case_statistic_tally (field_key, category, cases)"
              + " select field_key, category, count(*) from case_statistic,"
              + " regexp_split_to_table(categories, ' ') category where counted"
              + " group by field_key, category");
      jdbc.update("delete from case_outcome_tally");
      jdbc.update(
          "insert into case_outcome_tally (outcome, cases) select outcome, count(*) from case_summary"
              + " where closed_at is not null and outcome is not null group by outcome");
    }
    // the visits anonymous statistics may count (V92), and the weekly chart's hours (V91), as
    // their migrations fill them from the rows
    if (exists("case_hour_tally")) {
      jdbc.update(
          "update visit_barrier_tally t set counted_visits = c.visits from (select v.office_type,"
              + " coalesce(v.office_prefecture, '') as office_prefecture, v.barriers,"
              + " count(*) as visits from visit_outcome v"
              + " join case_summary s on s.case_number = v.case_number where "
              + jp.bansou.person.CountedCases.WHERE
              + " group by v.office_type, coalesce(v.office_prefecture, ''), v.barriers) c"
              + " where c.office_type = t.office_type and c.office_prefecture = t.office_prefecture"
              + " and c.barriers = t.barriers");
      jdbc.update("delete from case_hour_tally");
      jdbc.update(
          "insert into case_hour_tally (hour_start, opened, closed)"
              + " select hour_start, sum(opened), sum(closed) from ("
              + " select date_trunc('hour', opened_at) as hour_start, 1 as opened, 0 as closed"
              + " from case_summary"
              + " union all select date_trunc('hour', closed_at), 0, 1 from case_summary"
              + " where closed_at is not null) h group by hour_start");
    }
    caseCopies = to;
    jdbc.execute("vacuum analyze");
  }

  int historyCopies() {
    return historyCopies;
  }

  /** A copied case's root process instance id (ids of copies are md5 of original and number). */
  String someClone() {
    return jdbc.queryForObject(
        "select md5(? || '-' || ?)",
        String.class,
        template,
        String.valueOf(Math.max(1, historyCopies / 2)));
  }

  private boolean exists(String table) {
    return !columns(table).isEmpty();
  }

  private List<String> columns(String table) {
    return jdbc.queryForList(
        "select column_name from information_schema.columns where table_schema = 'public'"
            + " and table_name = ? order by ordinal_position",
        String.class,
        table);
  }
}
