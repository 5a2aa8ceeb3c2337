package jp.bansou.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JSON that {@code /dashboard} reads; access rule in {@code ApiAccessFilter}. */
@RestController
public class DashboardController {

  private final DashboardService dashboard;

  public DashboardController(DashboardService dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping("/api/dashboard")
  public Dashboard numbers() {
    return dashboard.snapshot();
  }
}
