package jp.bansou.reference;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The lists shipped as data in {@code src/main/resources/reference/}: prefectures (JIS X 0401),
 * residence statuses with their category, languages, problem fields and the rest. Each is a CSV
 * file with a header line whose first two columns are {@code code} and {@code name}. The forms
 * carry the same codes; a test keeps both in step.
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
    OFFICE_TYPES("office-types.csv"),
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

    ReferenceList(String file) {
      this.file = file;
    }

    public String file() {
      return file;
    }
  }

  private final Map<ReferenceList, Map<String, Map<String, String>>> lists = new LinkedHashMap<>();

  public ReferenceData() {
    for (ReferenceList list : ReferenceList.values()) {
      lists.put(list, read(list.file()));
    }
  }

  /** Codes in file order. */
  public List<String> codes(ReferenceList list) {
    return List.copyOf(lists.get(list).keySet());
  }

  public boolean has(ReferenceList list, String code) {
    return lists.get(list).containsKey(code);
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
    Map<String, String> row = code == null ? null : lists.get(list).get(code);
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
