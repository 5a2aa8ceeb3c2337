package jp.bansou.accompaniment;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import jp.bansou.api.ApiError;
import jp.bansou.engine.Texts;
import jp.bansou.person.CaseVisibility;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approved fees of one month, for the office that pays them: {@code /api/fee-claims?month=2026-11}.
 * Access is limited to coordinators and supervisors by {@code ApiAccessFilter}. A restricted (DV)
 * case is seen only by its companion and one coordinator: its claims are paid as any others, but
 * the list names neither the case nor the day of the visit, only 「制限されたケース（番号は担当のコーディネーターにだけ見えます）」.
 */
@RestController
public class FeeClaimController {

  /** One month's approved fees and their total. */
  public record MonthlyFees(String month, int totalYen, List<FeeClaim> claims) {}

  private final FeeClaims feeClaims;
  private final CaseVisibility visibility;
  private final Texts texts;

  public FeeClaimController(FeeClaims feeClaims, CaseVisibility visibility, Texts texts) {
    this.feeClaims = feeClaims;
    this.visibility = visibility;
    this.texts = texts;
  }

  @GetMapping("/api/fee-claims")
  public ResponseEntity<?> list(@RequestParam("month") String month) {
    YearMonth parsed;
    try {
      parsed = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      return ResponseEntity.badRequest().body(new ApiError(texts.get("api.feeClaims.badMonth")));
    }
    List<FeeClaim> approved = feeClaims.approvedIn(parsed);
    Set<String> restricted =
        visibility.restrictedAmong(approved.stream().map(FeeClaim::caseNumber).toList());
    String hidden = texts.get("case.restrictedLabel");
    List<FeeClaim> claims =
        approved.stream()
            .map(
                c ->
                    restricted.contains(c.caseNumber())
                        ? new FeeClaim(
                            hidden,
                            null,
                            c.claimant(),
                            c.role(),
                            c.hours(),
                            c.feeYen(),
                            c.approvedBy(),
                            c.approvedAt())
                        : c)
            .toList();
    return ResponseEntity.ok(
        new MonthlyFees(
            parsed.toString(), claims.stream().mapToInt(FeeClaim::feeYen).sum(), claims));
  }
}
