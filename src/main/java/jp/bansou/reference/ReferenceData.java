package jp.bansou.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The lists shipped as data in {@code src/main/resources/reference/}: prefectures (JIS X 0401),
 * residence statuses with their category, languages, problem fields and the rest. The forms carry
 * the same codes; a test keeps both in step.
 */
@Component
public class ReferenceData {

  /** One CSV file: a header line, then {@code code,name[,extra…]}. */
  public enum ReferenceList {
    PREFECTURES("prefectures.csv"),
    RESIDENCE_STATUSES("residence-statuses.csv"),
    LANGUAGES("languages.csv"),
    NATIONALITIES("nationalities.csv"),
    PROBLEM_FIELDS("problem-fields.csv"),
    ADVOCACY_FIELDS("advocacy-fields.csv"),
    SUPPORT_TRACKS("support-tracks.csv"),
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
    SPECIALTIES("specialties.csv");

    private final String file;

    ReferenceList(String file) {
      this.file = file;
    }

    public String file() {
      return file;
    }
  }

  private final Map<ReferenceList, Map<String, List<String>>> lists = new LinkedHashMap<>();

  public ReferenceData() {
    for (ReferenceList list : ReferenceList.values()) {
      lists.put(list, read(list.file()));
    }
  }

  /** Codes in file order. */
  public List<String> codes(ReferenceList list) {
    return List.copyOf(lists.get(list).keySet());
  }

  /** The Japanese name of a code, or the code itself when unknown. */
  public String name(ReferenceList list, String code) {
    List<String> row = lists.get(list).get(code);
    return row == null ? code : row.get(1);
  }

  /** Column {@code index} (0 = code) of a code's row, or null. */
  public String column(ReferenceList list, String code, int index) {
    List<String> row = lists.get(list).get(code);
    return row == null || row.size() <= index ? null : row.get(index);
  }

  /** The statistics category of a residence status, e.g. {@code no-status} for 仮放免. */
  public String statusCategory(String residenceStatus) {
    String category = column(ReferenceList.RESIDENCE_STATUSES, residenceStatus, 2);
    return category == null ? "unknown" : category;
  }

  /** The companion specialty (course topic) that a problem field needs. */
  public String specialtyFor(String problemField) {
    return column(ReferenceList.PROBLEM_FIELDS, problemField, 2);
  }

  private static Map<String, List<String>> read(String file) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    ClassPathResource resource = new ClassPathResource("reference/" + file);
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
      reader.readLine(); // header
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
          rows.put(cells.get(0), Collections.unmodifiableList(cells));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference/" + file, e);
    }
    return Collections.unmodifiableMap(rows);
  }
}
