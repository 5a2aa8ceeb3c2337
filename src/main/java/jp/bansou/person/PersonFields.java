package jp.bansou.person;

import java.util.List;
import java.util.Set;

/**
 * The fields of the intake that identify the person, and so live only in the {@link IdentityVault}
 * (never as process variables, in history, a log, a mail or an export): name, contact, birth date,
 * where they live, the residence-card number, and the free text in which they tell their story. The
 * intake form may mark more fields ({@code "properties": {"identity": "true"}}).
 */
public final class PersonFields {

  public static final String NAME = "personName";

  /**
   * The name in Latin letters, as the person writes it, beside {@link #NAME} (often katakana; a
   * pseudonym as well as a real name): so that a note that writes it so (Thanh-san) is found too.
   */
  public static final String NAME_LATIN = "personNameLatin";

  public static final String PHONE = "phone";
  public static final String EMAIL = "email";
  public static final String BIRTH_DATE = "birthDate";
  public static final String MUNICIPALITY = "municipality";
  public static final String ADDRESS = "address";
  public static final String RESIDENCE_CARD_NUMBER = "residenceCardNumber";
  public static final String CONTACT_NOTE = "contactNote";
  public static final String PROBLEM_DESCRIPTION = "problemDescription";

  /** Always identity, whatever a form says; the order in which a person's record is shown. */
  public static final List<String> ALWAYS =
      List.of(
          NAME,
          NAME_LATIN,
          PHONE,
          EMAIL,
          BIRTH_DATE,
          MUNICIPALITY,
          ADDRESS,
          RESIDENCE_CARD_NUMBER,
          CONTACT_NOTE,
          PROBLEM_DESCRIPTION);

  /** The person's name in each writing: what someone who may see only the name sees. */
  public static final Set<String> NAMES = Set.of(NAME, NAME_LATIN);

  /** Where the person can be found: never shown for a restricted (DV) case. */
  public static final Set<String> WHEREABOUTS = Set.of(MUNICIPALITY, ADDRESS);

  /** The form property that marks a further identity field. */
  public static final String FORM_PROPERTY = "identity";

  private PersonFields() {}
}
