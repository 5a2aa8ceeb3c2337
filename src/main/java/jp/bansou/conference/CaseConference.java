package jp.bansou.conference;

import java.util.List;
import jp.bansou.engine.Var;

/**
 * The variables of processes {@code case-conference} (monthly, on the model's timer), {@code
 * regional-conference} (one region's agenda of stuck cases) and {@code conference-advice} (one
 * case's advice, which reaches its companion as a task).
 */
public final class CaseConference {

  public static final String PROCESS_KEY = "case-conference";

  /** The regions (reference/regions.csv) with at least one stuck case this time. */
  public static final Var<List<String>> REGIONS = Var.collection("conferenceRegions");

  public static final Var<Long> REGION_COUNT = Var.number("conferenceRegionCount");

  /** The region of one regional conference. */
  public static final Var<String> REGION = Var.text("conferenceRegion");

  /** How long without any completed task makes a case stuck (ISO 8601, set in the model). */
  public static final Var<String> NO_UPDATE_FOR = Var.text("noUpdateFor");

  /** How far back a visit the office refused counts (ISO 8601, set in the model). */
  public static final Var<String> REFUSALS_WITHIN = Var.text("refusalsWithin");

  /**
   * The barrier codes that mean the office refused (reference/visit-barriers.csv, in the model).
   */
  public static final Var<String> REFUSAL_BARRIERS = Var.text("refusalBarriers");

  public static final Var<List<String>> AGENDA_CASES = Var.collection("agendaCases");
  public static final Var<Long> AGENDA_CASE_COUNT = Var.number("agendaCaseCount");

  /** The agenda as the coordinators read it: one line per case, category facts only. */
  public static final Var<String> AGENDA = Var.text("regionAgenda");

  /** One case on the agenda: its category facts and why it is there. */
  public static final Var<String> CASE_FACTS = Var.text("conferenceCaseFacts");

  public static final Var<String> ADVICE = Var.text("conferenceAdvice");

  private CaseConference() {}
}
