package jp.bansou.fund;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import jp.bansou.api.ApiError;
import jp.bansou.engine.Texts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.reports.Csv;
import jp.bansou.security.ApiAccessFilter;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fund ledger for the office: {@code GET /api/reports/fund-ledger.csv} (every month and region:
 * budget, committed, paid, remaining — amounts only, no identifier), and {@code PUT
 * /api/fund/budgets/2026-11/kanto {"budgetYen": 300000}} to set a month's budget of a region (事務局
 * and administrators). Reading follows the dashboard's access rule ({@code ApiAccessFilter}).
 */
@RestController
public class FundLedgerController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** Every month the fund has a line for. */
  static final String FIRST_MONTH = "2000-01";

  /** A region's budget for a month is at most this many yen (10億円: far above any real one). */
  static final long MAX_BUDGET_YEN = 1_000_000_000L;

  private final FundLedgerReport report;
  private final FundLedger ledger;
  private final IdentityService identityService;
  private final ReferenceData reference;
  private final Texts texts;

  public FundLedgerController(
      FundLedgerReport report,
      FundLedger ledger,
      IdentityService identityService,
      ReferenceData reference,
      Texts texts) {
    this.report = report;
    this.ledger = ledger;
    this.identityService = identityService;
    this.reference = reference;
    this.texts = texts;
  }

  @GetMapping("/api/reports/fund-ledger.csv")
  public ResponseEntity<String> ledger() {
    List<List<?>> rows =
        report.lines(FIRST_MONTH).stream()
            .<List<?>>map(
                l ->
                    List.of(
                        l.month(),
                        l.region(),
                        l.regionName(),
                        l.budgetYen(),
                        l.committedYen(),
                        l.paidYen(),
                        l.remainingYen()))
            .toList();
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fund-ledger.csv\"")
        .body(
            Csv.document(
                List.of(
                    "month",
                    "region",
                    "region_name",
                    "budget_yen",
                    "committed_yen",
                    "paid_yen",
                    "remaining_yen"),
                rows));
  }

  /** A month's budget of a region, set by the office. */
  @PutMapping("/api/fund/budgets/{month}/{region}")
  public ResponseEntity<?> budget(
      @PathVariable("month") String month,
      @PathVariable("region") String region,
      @RequestBody Map<String, Object> body,
      HttpServletRequest request) {
    String user = (String) request.getAttribute(ApiAccessFilter.USER_ATTRIBUTE);
    if (user == null
        || identityService.createGroupQuery().groupMember(user).list().stream()
            .noneMatch(
                g ->
                    g.getId().equals(Role.SUPERVISORS.groupId())
                        || g.getId().equals(Role.ADMIN_GROUP))) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(new ApiError(texts.get("fund.budget.notOffice")));
    }
    try {
      int year = YearMonth.parse(month).getYear();
      if (year < 2000 || year > 2999) {
        // +999999999-12 is a month Java knows and the database cannot hold (a server error)
        return ResponseEntity.badRequest().body(new ApiError(texts.get("fund.budget.badMonth")));
      }
    } catch (DateTimeParseException e) {
      return ResponseEntity.badRequest().body(new ApiError(texts.get("fund.budget.badMonth")));
    }
    if (!reference.has(ReferenceList.REGIONS, region)) {
      return ResponseEntity.badRequest().body(new ApiError(texts.get("fund.budget.badRegion")));
    }
    // whole yen from 0 to MAX_BUDGET_YEN: a number JSON reads as 1e400 or 10^23 is refused, not
    // stored as whatever it wraps to
    Object yen = body.get("budgetYen");
    long amount;
    try {
      amount =
          yen instanceof Number number
              ? new java.math.BigDecimal(number.toString()).longValueExact()
              : -1;
    } catch (ArithmeticException | NumberFormatException notWholeYen) {
      amount = -1;
    }
    if (amount < 0 || amount > MAX_BUDGET_YEN) {
      return ResponseEntity.badRequest()
          .body(new ApiError(texts.get("fund.budget.badAmount", MAX_BUDGET_YEN)));
    }
    ledger.setBudget(month, region, amount);
    return ResponseEntity.ok(ledger.find(month, region).orElseThrow());
  }
}
