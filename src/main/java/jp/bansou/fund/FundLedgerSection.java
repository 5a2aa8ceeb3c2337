package jp.bansou.fund;

import jp.bansou.dashboard.DashboardSection;
import org.springframework.stereotype.Component;

/** The emergency aid fund's ledger on the dashboard ({@code sections.fundLedger}). */
@Component
public class FundLedgerSection implements DashboardSection {

  private final FundLedgerReport report;

  public FundLedgerSection(FundLedgerReport report) {
    this.report = report;
  }

  @Override
  public String key() {
    return "fundLedger";
  }

  @Override
  public Object snapshot() {
    return report.snapshot();
  }
}
