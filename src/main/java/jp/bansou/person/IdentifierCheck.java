package jp.bansou.person;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import org.springframework.stereotype.Component;

/**
 * Refuses text that would carry a person's identifiers where they must not go: a policy
 * description, a lesson, a note in a form. It compares against the case's sealed identity, ignoring
 * width, case and spaces, and names what was found so the writer can remove it.
 */
@Component
public class IdentifierCheck {

  private final IdentityVault vault;
  private final Texts texts;

  public IdentifierCheck(IdentityVault vault, Texts texts) {
    this.vault = vault;
    this.texts = texts;
  }

  /**
   * @param messageKey the refusal's message, with {0} for what was found
   * @throws Refusal when the text contains the person's name, phone or e-mail
   */
  public void refuseIfIdentifying(String caseNumber, String messageKey, String text) {
    List<String> found = identifiersIn(caseNumber, text);
    if (!found.isEmpty()) {
      throw new Refusal(texts.get(messageKey, String.join("、", found)));
    }
  }

  /** What of the person's identity the text contains, named for people (名前, 電話番号 …). */
  public List<String> identifiersIn(String caseNumber, String text) {
    List<String> found = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return found;
    }
    Map<String, String> identity = vault.open(caseNumber).orElse(Map.of());
    String normalised = normalise(text);
    String name = normalise(identity.getOrDefault(PersonFields.NAME, ""));
    if (name.length() >= 2 && normalised.contains(name)) {
      found.add(texts.get("identifier.name"));
    }
    String phone = digits(identity.getOrDefault(PersonFields.PHONE, ""));
    if (phone.length() >= 6 && digits(text).contains(phone)) {
      found.add(texts.get("identifier.phone"));
    }
    String email = normalise(identity.getOrDefault(PersonFields.EMAIL, ""));
    if (email.contains("@") && normalised.contains(email)) {
      found.add(texts.get("identifier.email"));
    }
    return found;
  }

  private static String normalise(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase().replaceAll("\\s", "");
  }

  private static String digits(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\D", "");
  }
}
