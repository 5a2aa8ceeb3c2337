package jp.bansou.outreach;

import java.util.Map;
import jp.bansou.dashboard.DashboardSection;
import org.springframework.stereotype.Component;

/**
 * The 相談会 of the last year and those to come, on the dashboard ({@code
 * sections.consultationEvents}).
 */
@Component
public class ConsultationEventsSection implements DashboardSection {

  private final EventReports reports;

  public ConsultationEventsSection(EventReports reports) {
    this.reports = reports;
  }

  @Override
  public String key() {
    return "consultationEvents";
  }

  @Override
  public Object snapshot() {
    return Map.of("events", reports.recent());
  }
}
