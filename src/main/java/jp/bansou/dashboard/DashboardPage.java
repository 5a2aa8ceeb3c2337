package jp.bansou.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /dashboard}: the static page in {@code static/dashboard/}, behind the access filter. */
@Controller
public class DashboardPage {

  @GetMapping({"/dashboard", "/dashboard/"})
  public String page() {
    return "forward:/dashboard/index.html";
  }
}
