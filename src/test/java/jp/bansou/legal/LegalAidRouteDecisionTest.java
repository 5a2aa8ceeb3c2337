package jp.bansou.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import jp.bansou.DecisionTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code legal-aid-route}, rule by rule (FIRST: the first matching row wins). */
class LegalAidRouteDecisionTest {

  static final DecisionTable table = new DecisionTable("legal-aid-route.dmn", "legal-aid-route");

  @ParameterizedTest(name = "{0}, address {1}, refugee {2} → {3}")
  @CsvSource({
    "designated, false, true, jfba-refugee, rule01",
    "no-status, false, true, jfba-refugee, rule01",
    "status-based, true, true, jfba-refugee, rule01",
    "work, true, false, houterasu-civil, rule02",
    "technical-intern, true, false, houterasu-civil, rule02",
    "special-permanent, true, false, houterasu-civil, rule02",
    "no-status, true, false, jfba-foreigner, rule03",
    "unknown, true, false, jfba-foreigner, rule03",
    "work, false, false, jfba-foreigner, rule03",
    "short-term, false, false, jfba-foreigner, rule03"
  })
  void routeByStatusAddressAndRefugeeProcedure(
      String statusCategory, boolean address, boolean refugee, String route, String rule) {
    Map<String, Object> input = new HashMap<>();
    input.put("statusCategory", statusCategory);
    input.put("hasRegisteredAddress", address);
    input.put("refugeeProcedure", refugee);

    Object result = table.evaluate(input).getSingleResult().getSingleEntry();

    assertThat(result).isEqualTo(route);
    assertThat(table.matchedRules().get(0)).isEqualTo(rule);
  }
}
