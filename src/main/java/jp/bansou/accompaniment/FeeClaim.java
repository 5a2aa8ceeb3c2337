package jp.bansou.accompaniment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An approved accompaniment or interpretation fee, to be paid to a volunteer. */
public record FeeClaim(
    String caseNumber,
    LocalDate visitDate,
    String claimant,
    String role,
    BigDecimal hours,
    int feeYen,
    String approvedBy,
    Instant approvedAt) {}
