package jp.bansou.accompaniment;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.bansou.api.ApiError;
import jp.bansou.engine.Texts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approved fees of one month, for the office that pays them: {@code /api/fee-claims?month=2026-11}.
 * Access is limited to coordinators and supervisors by {@code ApiAccessFilter}.
 */
@RestController
public class FeeClaimController {

  /** One month's approved fees and their total. */
  public record MonthlyFees(String month, int totalYen, List<FeeClaim> claims) {}

  private final FeeClaims feeClaims;
  private final Texts texts;

  public FeeClaimController(FeeClaims feeClaims, Texts texts) {
    this.feeClaims = feeClaims;
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
    List<FeeClaim> claims = feeClaims.approvedIn(parsed);
    return ResponseEntity.ok(
        new MonthlyFees(
            parsed.toString(), claims.stream().mapToInt(FeeClaim::feeYen).sum(), claims));
  }
}
