package jp.bansou.person;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * What the case file asks of this capability when a case comes in: take the person's identifiers
 * out of the intake's variables into the vault, in the intake's own transaction (the engine never
 * writes them), set who may see the case, and find open cases of the same person.
 */
@Service
public class PersonIntake {

  private final IdentityFields fields;
  private final IdentityVault vault;
  private final CaseVisibility visibility;

  public PersonIntake(IdentityFields fields, IdentityVault vault, CaseVisibility visibility) {
    this.fields = fields;
    this.vault = vault;
    this.visibility = visibility;
  }

  /**
   * Seals the identity fields found among the intake's variables and removes them from the process;
   * records the case's region, restriction and consent to sharing.
   */
  public void takeIn(
      DelegateExecution intake,
      String caseNumber,
      String prefecture,
      boolean restricted,
      boolean consentSharing) {
    Map<String, String> identity = new LinkedHashMap<>();
    for (String name : fields.names()) {
      Object value = intake.getVariable(name);
      if (value != null) {
        identity.put(
            name,
            value instanceof Date date
                ? date.toInstant().atZone(EngineClock.JAPAN).toLocalDate().toString()
                : value.toString());
      }
      intake.removeVariable(name);
    }
    vault.seal(caseNumber, identity);
    visibility.registered(intake, caseNumber, prefecture, restricted, consentSharing);
  }

  /** Other open cases whose person has the same name and birth date. */
  public List<String> sameNameAndBirthDate(String caseNumber) {
    return vault.openCasesWithSameNameAndBirthDate(caseNumber);
  }

  /** Other open cases whose person has the same phone number. */
  public List<String> samePhone(String caseNumber) {
    return vault.openCasesWithSamePhone(caseNumber);
  }
}
