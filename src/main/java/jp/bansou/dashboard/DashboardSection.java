package jp.bansou.dashboard;

/**
 * A part of {@code /api/dashboard} that another capability contributes (相談会, the emergency aid fund
 * …) under {@code sections.<key>}: categories, counts and amounts only, small cells left out as
 * everywhere on the dashboard. The dashboard does not depend on the capabilities that add them.
 */
public interface DashboardSection {

  /** The key under {@code sections} in the JSON. */
  String key();

  /** The section's numbers, as JSON-ready records, lists and maps. */
  Object snapshot();
}
