package jp.bansou.fund;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.engine.EngineClock;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.reports.SmallCells;
import org.springframework.stereotype.Service;

/** The fund ledger as the dashboard and the export show it: amounts per month and region. */
@Service
public class FundLedgerReport {

  /** How many months the dashboard shows, this one included. */
  static final int MONTHS = 12;

  /** One month of one region, with its region's name. */
  public record Line(
      String month,
      String region,
      String regionName,
      long budgetYen,
      long committedYen,
      long paidYen,
      long remainingYen) {}

  /** A month's totals over all regions. */
  public record Total(String month, long budgetYen, long committedYen, long paidYen) {}

  /** What the dashboard's {@code sections.fundLedger} holds. */
  public record Snapshot(List<Line> lines, List<Total> totals, Map<String, Long> applications) {}

  private final FundLedger ledger;
  private final FundApplications applications;
  private final ReferenceData reference;
  private final EngineClock clock;

  public FundLedgerReport(
      FundLedger ledger,
      FundApplications applications,
      ReferenceData reference,
      EngineClock clock) {
    this.ledger = ledger;
    this.applications = applications;
    this.reference = reference;
    this.clock = clock;
  }

  public List<Line> lines(String fromMonth) {
    return ledger.since(fromMonth).stream()
        .map(
            r ->
                new Line(
                    r.month(),
                    r.region(),
                    reference.name(ReferenceList.REGIONS, r.region()),
                    r.budgetYen(),
                    r.committedYen(),
                    r.paidYen(),
                    r.remainingYen()))
        .toList();
  }

  public Snapshot snapshot() {
    String from = YearMonth.now(clock).minusMonths(MONTHS - 1L).toString();
    List<Line> lines = lines(from);
    Map<String, Total> totals = new LinkedHashMap<>();
    for (Line line : lines) {
      Total before = totals.getOrDefault(line.month(), new Total(line.month(), 0, 0, 0));
      totals.put(
          line.month(),
          new Total(
              line.month(),
              before.budgetYen() + line.budgetYen(),
              before.committedYen() + line.committedYen(),
              before.paidYen() + line.paidYen()));
    }
    // counts of applications are people: fewer than three are not shown
    return new Snapshot(
        lines,
        new ArrayList<>(totals.values()),
        SmallCells.breakdown(applications.countByStatus()));
  }
}
