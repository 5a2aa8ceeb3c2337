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
    SpringApplication.run(BansouApplication.class, args);
  }
}
