package jp.bansou.security;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The last lines of the start-up log: where to log in, and which accounts exist. */
@Component
public class StartupNotice {

  private static final Logger LOG = LoggerFactory.getLogger(StartupNotice.class);

  private final boolean demoMode;

  public StartupNotice(@Value("${bansou.demo-mode:false}") boolean demoMode) {
    this.demoMode = demoMode;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void announce(ApplicationReadyEvent event) {
    Environment env = event.getApplicationContext().getEnvironment();
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    String base = "http://localhost:" + port;
    LOG.info(
        "Ready. Tasklist: {}/camunda/app/tasklist/  Cockpit: {}/camunda/app/cockpit/", base, base);
    if (demoMode) {
      String accounts =
          Role.allDemoUsers().stream().map(id -> id + "/" + id).collect(Collectors.joining(", "));
      LOG.info("DEMO MODE: log in with {} (user/password).", accounts);
      LOG.info(
          "These demo accounts exist only in demo mode; the production profile refuses to start"
              + " with them.");
    } else {
      LOG.info("Production mode: no demo accounts; log in with the ADMIN_USER account.");
    }
  }
}
