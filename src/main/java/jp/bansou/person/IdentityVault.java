package jp.bansou.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The one place a person's identifiers are kept: table {@code person_identity}, one sealed record
 * per case (AES-GCM, the case number bound in as associated data, so a record moved to another case
 * does not open). The database, a dump of it and the engine's tables hold no plaintext. Opening is
 * for {@link PersonRecords}, which checks who may see and logs the look.
 */
@Repository
public class IdentityVault {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> FIELDS =
      new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final IdentityKeys keys;
  private final Clock clock;

  public IdentityVault(JdbcTemplate jdbc, IdentityKeys keys, Clock clock) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.clock = clock;
  }

  /** Seals the identifiers of a case; a second call for the same case replaces them. */
  public void seal(String caseNumber, Map<String, String> fields) {
    Map<String, String> kept = new LinkedHashMap<>();
    fields.forEach(
        (key, value) -> {
          if (value != null && !value.isBlank()) {
            kept.put(key, value.trim());
          }
        });
    byte[] ciphertext = keys.seal(json(kept), caseNumber.getBytes(StandardCharsets.UTF_8));
    String nameBirth = nameBirthIndex(kept);
    String phone = phoneIndex(kept.get(PersonFields.PHONE));
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        jdbc.update(
            "update person_identity set sealed = ?, key_id = ?, name_birth_index = ?,"
                + " phone_index = ?, sealed_at = ? where case_number = ? and erased_at is null",
            ciphertext,
            keys.primaryKeyId(),
            nameBirth,
            phone,
            now,
            caseNumber);
    if (updated == 0) {
      jdbc.update(
          "insert into person_identity (case_number, sealed, key_id, name_birth_index,"
              + " phone_index, sealed_at) values (?, ?, ?, ?, ?, ?)",
          caseNumber,
          ciphertext,
          keys.primaryKeyId(),
          nameBirth,
          phone,
          now);
    }
  }

  /** The identifiers of a case; empty when there are none or they were erased. */
  Optional<Map<String, String>> open(String caseNumber) {
    return jdbc
        .query(
            "select sealed from person_identity where case_number = ? and erased_at is null",
            (rs, i) -> rs.getBytes(1),
            caseNumber)
        .stream()
        .filter(bytes -> bytes != null)
        .findFirst()
        .map(bytes -> fields(keys.open(bytes, caseNumber.getBytes(StandardCharsets.UTF_8))));
  }

  /** Other open cases whose person has the same name and birth date. */
  public List<String> openCasesWithSameNameAndBirthDate(String caseNumber) {
    return sameIndex(caseNumber, "name_birth_index");
  }

  /** Other open cases whose person has the same phone number. */
  public List<String> openCasesWithSamePhone(String caseNumber) {
    return sameIndex(caseNumber, "phone_index");
  }

  private List<String> sameIndex(String caseNumber, String column) {
    return jdbc.queryForList(
        "select other.case_number from person_identity mine"
            + " join person_identity other on other."
            + column
            + " = mine."
            + column
            + " join case_access a on a.case_number = other.case_number"
            + " where mine.case_number = ? and other.case_number <> mine.case_number"
            // a restricted case (DV) is nobody's possible duplicate: its number would go to
            // whoever reviews the new case, and the intake would answer whether a phone number
            // belongs to a case hidden from them
            + " and other.erased_at is null and a.open = true and a.restricted = false"
            + " order by other.case_number",
        String.class,
        caseNumber);
  }

  /** Forgets a person: the sealed record and its indexes are gone; when and why stay. */
  public void erase(String caseNumber, String erasedBy, String reason) {
    jdbc.update(
        "update person_identity set sealed = null, key_id = null, name_birth_index = null,"
            + " phone_index = null, erased_at = ?, erased_by = ?, erase_reason = ?"
            + " where case_number = ? and erased_at is null",
        Timestamp.from(clock.instant()),
        erasedBy,
        reason,
        caseNumber);
  }

  public boolean erased(String caseNumber) {
    return !jdbc.queryForList(
            "select case_number from person_identity where case_number = ? and erased_at is not null",
            String.class,
            caseNumber)
        .isEmpty();
  }

  /** After a key rotation: reseals every record sealed under an older key; returns how many. */
  public int resealUnderPrimary() {
    List<String> stale =
        jdbc.queryForList(
            "select case_number from person_identity where erased_at is null and key_id <> ?",
            String.class,
            keys.primaryKeyId());
    stale.forEach(caseNumber -> open(caseNumber).ifPresent(fields -> seal(caseNumber, fields)));
    return stale.size();
  }

  private static String nameBirthIndexInput(Map<String, String> fields) {
    String name = fields.get(PersonFields.NAME);
    String birth = fields.get(PersonFields.BIRTH_DATE);
    if (name == null || birth == null) {
      return null;
    }
    String key =
        Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase().replaceAll("[\\s・･.,]", "");
    return key.isEmpty()
        ? null
        : "name-birth|" + key + "|" + birth.substring(0, Math.min(10, birth.length()));
  }

  private String nameBirthIndex(Map<String, String> fields) {
    String input = nameBirthIndexInput(fields);
    return input == null ? null : keys.index(input);
  }

  private String phoneIndex(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("\\D", "");
    return digits.length() < 6 ? null : keys.index("phone|" + digits);
  }

  private static byte[] json(Map<String, String> fields) {
    try {
      return JSON.writeValueAsBytes(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> fields(byte[] json) {
    try {
      return JSON.readValue(json, FIELDS);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
