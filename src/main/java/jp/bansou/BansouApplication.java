package jp.bansou;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The case engine for the network's companions: Camunda 7 embedded in Spring Boot. */
@SpringBootApplication
public class BansouApplication {

  public static void main(String[] args) {
    SpringApplication.run(BansouApplication.class, args);
  }
}
