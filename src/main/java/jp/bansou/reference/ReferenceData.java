package jp.bansou.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The lists shipped as data in {@code src/main/resources/reference/}: prefectures (JIS X 0401),
 * residence statuses with their category, languages, problem fields and the rest. Each is a CSV
 * file with a header line whose first two columns are {@code code} and {@code name}. The forms
 * carry the same codes; a test keeps both in step.
 *
 * <p>A list a modeller owns is not shipped: the office types are the options of the live {@code
 * plan-visit} form's question 行き先の種類, so a new kind of office added in Camunda Modeler and deployed
 * is known to the dashboard, the exports and the lessons register at once, without a rebuilt jar
 * (before any deployment, and in tests, the form in the jar is read).
 */
@Component
public class ReferenceData {

  /** One CSV file. */
  public enum ReferenceList {
    PREFECTURES("prefectures.csv"),
    RESIDENCE_STATUSES("residence-statuses.csv"),
    LANGUAGES("languages.csv"),
    NATIONALITIES("nationalities.csv"),
    PROBLEM_FIELDS("problem-fields.csv"),
    ADVOCACY_FIELDS("advocacy-fields.csv"),
    CASE_OUTCOMES("case-outcomes.csv"),
    REFERRAL_SOURCES("referral-sources.csv"),
    OFFICE_TYPES("plan-visit", "officeType"),
    VISIT_PURPOSES("visit-purposes.csv"),
    VISIT_DOCUMENTS("visit-documents.csv"),
    VISIT_RESULTS("visit-results.csv"),
    CLAIM_TYPES("claim-types.csv"),
    COUNTERPARTY_TYPES("counterparty-types.csv"),
    ESCALATION_ROUTES("escalation-routes.csv"),
    LEGAL_AID_ROUTES("legal-aid-routes.csv"),
    LEGAL_OUTCOMES("legal-outcomes.csv"),
    SPECIALTIES("specialties.csv"),
    INTERPRETATION_MODES("interpretation-modes.csv"),
    ROLES("roles.csv"),
    ERASURE_REASONS("erasure-reasons.csv"),
    REGIONS("regions.csv"),
    AID_PURPOSES("aid-purposes.csv"),
    VENUE_TYPES("venue-types.csv"),
    EVENT_DUTIES("event-duties.csv"),
    STATUS_CATEGORIES("status-categories.csv"),
    TRIAGE_FLAGS("triage-flags.csv"),
    VISIT_CHECKS("visit-checks.csv"),
    VISIT_BARRIERS("visit-barriers.csv"),
    SUPPORT_ALTERNATIVES("support-alternatives.csv"),
    DEADLINE_TYPES("deadline-types.csv"),
    DOCUMENT_TYPES("document-types.csv"),
    DOCUMENT_DRAFTERS("document-drafters.csv");

    private final String file;
    private final String formKey;
    private final String fieldKey;

    ReferenceList(String file) {
      this(file, null, null);
    }

    /** A list the forms own: the options of one question of one form. */
    ReferenceList(String formKey, String fieldKey) {
      this(null, formKey, fieldKey);
    }

    ReferenceList(String file, String formKey, String fieldKey) {
      this.file = file;
      this.formKey = formKey;
      this.fieldKey = fieldKey;
    }

    /** The CSV file under {@code reference/}, or null for a list the forms own. */
    public String file() {
      return file;
    }

    /** The form whose question's options are the list, or null for a shipped list. */
    public String formKey() {
      return formKey;
    }

    public String fieldKey() {
      return fieldKey;
    }
  }

  /** The options of a question of the live (newest deployed) form, code to label. */
  public interface LiveOptions {
    Optional<Map<String, String>> options(String formKey, String fieldKey);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<ReferenceList, Map<String, Map<String, String>>> lists = new LinkedHashMap<>();
  private final ObjectProvider<LiveOptions> live;

  /** The shipped lists, and the forms' lists as the jar's forms have them. */
  public ReferenceData() {
    this(null);
  }

  @Autowired
  public ReferenceData(ObjectProvider<LiveOptions> live) {
    this.live = live;
    for (ReferenceList list : ReferenceList.values()) {
      lists.put(
          list,
          list.file() != null
              ? read(list.file())
              : rows(optionsInJar(list.formKey(), list.fieldKey())));
    }
  }

  private Map<String, Map<String, String>> rows(ReferenceList list) {
    if (list.formKey() == null || live == null) {
      return lists.get(list);
    }
    LiveOptions options = live.getIfAvailable();
    return options == null
        ? lists.get(list)
        : options
            .options(list.formKey(), list.fieldKey())
            .map(ReferenceData::rows)
            .orElse(lists.get(list));
  }

  private static Map<String, Map<String, String>> rows(Map<String, String> options) {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    options.forEach((code, name) -> rows.put(code, Map.of("code", code, "name", name)));
    return Collections.unmodifiableMap(rows);
  }

  /** A question's options in the form shipped in the jar ({@code forms/<key>.form}). */
  private static Map<String, String> optionsInJar(String formKey, String fieldKey) {
    try (InputStream in =
        ReferenceData.class.getClassLoader().getResourceAsStream("forms/" + formKey + ".form")) {
      if (in == null) {
        throw new IllegalStateException("forms/" + formKey + ".form is not in the jar");
      }
      Map<String, String> options = new LinkedHashMap<>();
      collectOptions(JSON.readTree(in), fieldKey, options);
      return options;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collectOptions(JsonNode container, String key, Map<String, String> out) {
    for (JsonNode c : container.path("components")) {
      if (key.equals(c.path("key").asText())) {
        c.path("values").forEach(v -> out.put(v.path("value").asText(), v.path("label").asText()));
      }
      collectOptions(c, key, out);
    }
  }

  /** Codes in file order. */
  public List<String> codes(ReferenceList list) {
    return List.copyOf(rows(list).keySet());
  }

  public boolean has(ReferenceList list, String code) {
    return rows(list).containsKey(code);
  }

  /** The Japanese name of a code, or the code itself when unknown. */
  public String name(ReferenceList list, String code) {
    String name = column(list, code, "name");
    return name == null ? code : name;
  }

  /** The names of several codes, as a Japanese list (「ベトナム語、英語」). */
  public String names(ReferenceList list, Collection<String> codes) {
    return codes.stream().map(c -> name(list, c)).collect(Collectors.joining("、"));
  }

  /** A named column of a code's row (e.g. {@code category}), or null. */
  public String column(ReferenceList list, String code, String column) {
    Map<String, String> row = code == null ? null : rows(list).get(code);
    return row == null ? null : row.get(column);
  }

  /** The statistics category of a residence status, e.g. {@code no-status} for 仮放免. */
  public String statusCategory(String residenceStatus) {
    String category = column(ReferenceList.RESIDENCE_STATUSES, residenceStatus, "category");
    return category == null ? "unknown" : category;
  }

  /** The region (地方: kanto, kinki …) a prefecture belongs to, or null when unknown. */
  public String regionOf(String prefecture) {
    for (String region : codes(ReferenceList.REGIONS)) {
      if (CsvRows.codes(column(ReferenceList.REGIONS, region, "prefectures"))
          .contains(prefecture)) {
        return region;
      }
    }
    return null;
  }

  /** The companion specialty (course topic) that a problem field needs. */
  public String specialtyFor(String problemField) {
    return column(ReferenceList.PROBLEM_FIELDS, problemField, "specialty");
  }

  private static Map<String, Map<String, String>> read(String file) {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    CsvRows.read("reference/" + file).forEach(row -> rows.put(row.get("code"), row));
    return Collections.unmodifiableMap(rows);
  }
}
