package jp.bansou.outreach;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import jp.bansou.reports.Csv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 相談会 reports as a CSV for advocacy and funders, with the dashboard's access rule: one row per
 * event, dimension and category, counts of fewer than three people as {@code *}. No person, no case
 * number.
 */
@RestController
public class EventReportController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** Every event the network recorded. */
  static final LocalDate FIRST = LocalDate.of(2000, 1, 1);

  private final EventReports reports;

  public EventReportController(EventReports reports) {
    this.reports = reports;
  }

  @GetMapping("/api/reports/consultation-events.csv")
  public ResponseEntity<String> events() {
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consultation-events.csv\"")
        .body(
            Csv.document(
                List.of("event", "event_date", "prefecture", "dimension", "category", "people"),
                reports.rows(FIRST)));
  }
}
