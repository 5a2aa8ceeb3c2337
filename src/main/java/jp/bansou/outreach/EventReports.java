package jp.bansou.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.bansou.dashboard.Dashboard.Breakdown;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Texts;
import jp.bansou.outreach.ConsultationEvents.Event;
import jp.bansou.outreach.ConsultationEvents.Seen;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.reports.SmallCells;
import org.springframework.stereotype.Service;

/**
 * What a 相談会 shows afterwards: the people seen by language, nationality, status category and
 * problem field, and the follow-up cases opened. Categories only; a count of fewer than three
 * people is left out ({@link SmallCells}); people who did not consent to statistics are counted as
 * having come, never in a breakdown.
 */
@Service
public class EventReports {

  /** One event's numbers, as the dashboard JSON carries them (null: fewer than three people). */
  public record Report(
      String eventNumber,
      String date,
      String prefecture,
      String prefectureName,
      String title,
      String status,
      Long peopleSeen,
      Long casesOpened,
      Long oneOffConsultations,
      Long withoutStatistics,
      Breakdown languages,
      Breakdown nationalities,
      Breakdown statusCategories,
      Breakdown problemFields) {}

  /** The dimensions of a report, in the order a CSV lists them, with their reference lists. */
  enum Dimension {
    LANGUAGE("language", ReferenceList.LANGUAGES, Seen::languages),
    NATIONALITY("nationality", ReferenceList.NATIONALITIES, s -> one(s.nationality())),
    STATUS_CATEGORY(
        "status_category", ReferenceList.STATUS_CATEGORIES, s -> one(s.statusCategory())),
    PROBLEM_FIELD("problem_field", ReferenceList.PROBLEM_FIELDS, Seen::problemFields);

    final String column;
    final ReferenceList list;
    final Function<Seen, List<String>> codes;

    Dimension(String column, ReferenceList list, Function<Seen, List<String>> codes) {
      this.column = column;
      this.list = list;
      this.codes = codes;
    }
  }

  /** How far back the dashboard lists events (and every event still to come). */
  static final int DASHBOARD_DAYS = 365;

  private final ConsultationEvents events;
  private final ReferenceData reference;
  private final EngineClock clock;
  private final Texts texts;

  public EventReports(
      ConsultationEvents events, ReferenceData reference, EngineClock clock, Texts texts) {
    this.events = events;
    this.reference = reference;
    this.clock = clock;
    this.texts = texts;
  }

  public Report report(Event event) {
    List<Seen> seen = events.seenAt(event.id());
    List<Seen> counted = seen.stream().filter(Seen::consentStatistics).toList();
    long cases = seen.stream().filter(s -> s.caseNumber() != null).count();
    return new Report(
        event.number(),
        event.date().toString(),
        event.prefecture(),
        reference.name(ReferenceList.PREFECTURES, event.prefecture()),
        event.title(),
        event.status(),
        SmallCells.count(seen.size()),
        SmallCells.count(cases),
        SmallCells.count(seen.size() - cases),
        SmallCells.count(seen.size() - counted.size()),
        breakdown(counted, Dimension.LANGUAGE),
        breakdown(counted, Dimension.NATIONALITY),
        breakdown(counted, Dimension.STATUS_CATEGORY),
        breakdown(counted, Dimension.PROBLEM_FIELD));
  }

  /** The events of the last year and those to come, the latest first. */
  public List<Report> recent() {
    List<Report> reports = new ArrayList<>();
    for (Event event : events.since(clock.today().minusDays(DASHBOARD_DAYS))) {
      reports.add(0, report(event));
    }
    return reports;
  }

  /** The report as the coordinator reads it in the form (plain text, no markup). */
  public String summary(Event event) {
    Report report = report(event);
    List<String> lines = new ArrayList<>();
    lines.add(
        texts.get(
            "event.report.seen",
            people(report.peopleSeen()),
            people(report.casesOpened()),
            people(report.oneOffConsultations())));
    if (report.withoutStatistics() == null || report.withoutStatistics() > 0) {
      lines.add(texts.get("event.report.withoutStatistics", people(report.withoutStatistics())));
    }
    lines.add("");
    lines.add(line("event.report.languages", report.languages()));
    lines.add(line("event.report.nationalities", report.nationalities()));
    lines.add(line("event.report.statusCategories", report.statusCategories()));
    lines.add(line("event.report.problemFields", report.problemFields()));
    return String.join("\n", lines);
  }

  /** CSV rows: event, date, prefecture, dimension, category, people ({@code *}: fewer than 3). */
  public List<List<?>> rows(LocalDate from) {
    List<List<?>> rows = new ArrayList<>();
    for (Event event : events.since(from)) {
      List<Seen> seen = events.seenAt(event.id());
      List<Seen> counted = seen.stream().filter(Seen::consentStatistics).toList();
      long cases = seen.stream().filter(s -> s.caseNumber() != null).count();
      rows.add(row(event, "people_seen", "", seen.size()));
      rows.add(row(event, "cases_opened", "", cases));
      rows.add(row(event, "one_off", "", seen.size() - cases));
      for (Dimension dimension : Dimension.values()) {
        counts(counted, dimension)
            .forEach((code, n) -> rows.add(row(event, dimension.column, code, n)));
      }
    }
    return rows;
  }

  private List<?> row(Event event, String dimension, String category, long people) {
    Long shown = SmallCells.count(people);
    return List.of(
        event.number(),
        event.date().toString(),
        event.prefecture(),
        dimension,
        category,
        shown == null ? SmallCells.HIDDEN : shown.toString());
  }

  private Breakdown breakdown(Collection<Seen> seen, Dimension dimension) {
    Map<String, Long> counts = counts(seen, dimension);
    Map<String, String> labels = new LinkedHashMap<>();
    counts.keySet().forEach(code -> labels.put(code, reference.name(dimension.list, code)));
    return new Breakdown(SmallCells.breakdown(counts), labels);
  }

  /** Counts per code in the reference list's order; codes nobody had are left out. */
  private Map<String, Long> counts(Collection<Seen> seen, Dimension dimension) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String code : reference.codes(dimension.list)) {
      long n = seen.stream().filter(s -> dimension.codes.apply(s).contains(code)).count();
      if (n > 0) {
        counts.put(code, n);
      }
    }
    return counts;
  }

  private String line(String key, Breakdown breakdown) {
    List<String> parts = new ArrayList<>();
    long few = 0;
    for (Map.Entry<String, Long> entry : breakdown.counts().entrySet()) {
      if (entry.getValue() == null) {
        few++;
      } else {
        parts.add(breakdown.labels().get(entry.getKey()) + " " + people(entry.getValue()));
      }
    }
    if (few > 0) {
      parts.add(texts.get("event.report.few", few));
    }
    return texts.get(key, parts.isEmpty() ? texts.get("event.none") : String.join("、", parts));
  }

  private String people(Long count) {
    return count == null
        ? texts.get("event.report.fewPeople")
        : texts.get("event.report.people", count);
  }

  private static List<String> one(String code) {
    return code == null ? List.of() : List.of(code);
  }
}
