package jp.bansou.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The variables of the intake start form as Tasklist submits them (lists as JSON), with a unique
 * fictional person for each test so that tests sharing an engine do not look alike.
 */
public final class Intake {

  private static final java.util.Random RANDOM = new java.util.Random();

  private final VariableMap variables = Variables.createVariables();

  private Intake() {}

  public static Intake person() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return new Intake()
        .with("personName", "Test Person " + unique)
        .with("nameIsPseudonym", true)
        .with("phone", String.format("090-%04d-%04d", RANDOM.nextInt(10000), RANDOM.nextInt(10000)))
        .with("email", "p" + unique + "@example.invalid")
        .with(
            "birthDate",
            String.format("19%02d-04-0%d", 50 + RANDOM.nextInt(50), 1 + RANDOM.nextInt(9)))
        .list("languages", "vi", "ja-easy")
        .with("interpreterNeeded", true)
        .with("nationality", "VN")
        .with("prefecture", "13")
        .with("municipality", "新宿区")
        .with("residenceStatus", "technical-intern")
        .list("problemFields", "labour")
        .with("problemDescription", "給料が3か月払われていない")
        .with("noFoodOrMoney", false)
        .with("noHousing", false)
        .with("violence", false)
        .with("detentionRisk", false)
        .with("healthEmergency", false)
        .with("legalDeadlineSoon", false)
        .with("referredBy", "consultation-event")
        .with("consentCaseWork", true)
        .with("consentSharing", true)
        .with("consentStatistics", true)
        .with("consentLanguage", "vi");
  }

  public Intake with(String name, Object value) {
    variables.putValue(name, value);
    return this;
  }

  public Intake list(String name, String... values) {
    variables.putValueTyped(name, SpinValues.jsonValue(Spin.JSON(List.of(values))).create());
    return this;
  }

  public Intake legalDeadlineIn(int days) {
    return with("legalDeadlineSoon", true)
        .with(
            "legalDeadlineDate",
            LocalDate.now(jp.bansou.engine.EngineClock.JAPAN).plusDays(days).toString());
  }

  public String personName() {
    return (String) variables.get("personName");
  }

  public String phone() {
    return (String) variables.get("phone");
  }

  public String email() {
    return (String) variables.get("email");
  }

  public VariableMap variables() {
    return variables;
  }
}
