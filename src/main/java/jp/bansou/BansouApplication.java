package jp.bansou;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The case engine for the network's companions: Camunda 7 embedded in Spring Boot. */
@SpringBootApplication
public class BansouApplication {

  /** Starts the system; {@code keys new} and {@code keys rotate} manage the identity keys. */
  public static void main(String[] args) throws java.io.IOException {
    if (args.length > 0 && "keys".equals(args[0])) {
      jp.bansou.person.KeysetTool.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    // the models' calendar timers (the 08:00 digest, Monday's fund review) read the JVM's zone:
    // the network's day, wherever the server stands (BANSOU_TIME_ZONE to choose another)
    String zone = System.getenv().getOrDefault("BANSOU_TIME_ZONE", "Asia/Tokyo");
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(java.time.ZoneId.of(zone)));
    SpringApplication.run(BansouApplication.class, args);
  }
}
