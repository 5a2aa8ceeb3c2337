package jp.bansou.accompaniment;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
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

  private final FeeClaims feeClaims;

  public FeeClaimController(FeeClaims feeClaims) {
    this.feeClaims = feeClaims;
  }

  @GetMapping("/api/fee-claims")
  public ResponseEntity<?> list(@RequestParam("month") String month) {
    YearMonth parsed;
    try {
      parsed = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      return ResponseEntity.badRequest()
          .body(Map.of("error", "month は 2026-11 のように 年-月 で指定してください。"));
    }
    List<FeeClaim> claims = feeClaims.approvedIn(parsed);
    int total = claims.stream().mapToInt(FeeClaim::feeYen).sum();
    return ResponseEntity.ok(
        Map.of("month", parsed.toString(), "totalYen", total, "claims", claims));
  }
}
