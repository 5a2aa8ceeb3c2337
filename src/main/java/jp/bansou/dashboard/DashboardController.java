package jp.bansou.dashboard;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The page {@code /dashboard} and the JSON it reads; access rule in {@code ApiAccessFilter}. */
@RestController
public class DashboardController {

  private final DashboardService dashboard;

  public DashboardController(DashboardService dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping("/api/dashboard")
  public Map<String, Object> numbers() {
    return dashboard.snapshot();
  }
}
