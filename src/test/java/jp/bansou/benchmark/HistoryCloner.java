package jp.bansou.benchmark;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes many closed cases quickly on PostgreSQL: copies every history row of one real closed
 * lifecycle (and its case_summary row) with fresh instance ids (md5 of id and copy number, so
 * references between rows stay consistent), in SQL. Definitions, activity ids and byte arrays are
 * shared with the original, as they would be.
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
  private final List<String> tables;
  private int copies;

  HistoryCloner(JdbcTemplate jdbc, String templateRootProcessInstanceId) {
    this.jdbc = jdbc;
    this.template = templateRootProcessInstanceId;
    this.tables = COPIED_TABLES;
  }

  /** Adds copies until there are {@code closedCases} closed accompaniment cases. */
  void cloneUntil(int closedCases) {
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from case_summary where closed_at is not null", Integer.class);
    int missing = closedCases - existing;
    if (missing <= 0) {
      return;
    }
    int from = copies + 1;
    int to = copies + missing;
    for (String table : tables) {
      List<String> columns =
          jdbc.queryForList(
              "select column_name from information_schema.columns where table_schema = 'public'"
                  + " and table_name = ? order by ordinal_position",
              String.class,
              table);
      String select =
          String.join(
              ", ",
              columns.stream()
                  .map(
                      c ->
                          INSTANCE_IDS.contains(c)
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
              + ") g where root_proc_inst_id_ = ?",
          template);
    }
    jdbc.update(
        "insert into case_summary (case_number, process_instance_id, opened_at, closed_at, prefecture,"
            + " status_category, nationality, languages, problem_fields, referred_by, urgency, tracks,"
            + " triage_overridden, companion_id, outcome, consent_statistics)"
            + " select 'C' || lpad(g::text, 9, '0'), md5(process_instance_id || '-' || g),"
            + " opened_at - (g % 700) * interval '1 day', closed_at - (g % 700) * interval '1 day',"
            + " lpad(((g % 47) + 1)::text, 2, '0'), status_category, nationality, languages, problem_fields,"
            + " referred_by, urgency, tracks, triage_overridden, companion_id, outcome, consent_statistics"
            + " from case_summary, generate_series("
            + from
            + ", "
            + to
            + ") g where process_instance_id = ?",
        template);
    copies = to;
    jdbc.execute("analyze");
  }

  /** A copied case's root process instance id (ids of copies are md5 of original and number). */
  String someClone() {
    return jdbc.queryForObject(
        "select md5(? || '-' || ?)",
        String.class,
        template,
        String.valueOf(Math.max(1, copies / 2)));
  }
}
