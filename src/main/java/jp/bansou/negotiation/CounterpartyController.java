package jp.bansou.negotiation;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Repeat counterparties across cases, for supervisors and coordinators: {@code /api/counterparties}
 * (cases, open claims and recovered amount per counterparty).
 */
@RestController
public class CounterpartyController {

  private final Counterparties counterparties;

  public CounterpartyController(Counterparties counterparties) {
    this.counterparties = counterparties;
  }

  @GetMapping("/api/counterparties")
  public List<Counterparties.Statistics> statistics() {
    return counterparties.statistics();
  }
}
