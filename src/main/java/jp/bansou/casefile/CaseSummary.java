package jp.bansou.casefile;

import java.time.Instant;
import java.util.List;

/** The category facts of one case: what the dashboard counts and the exports show. */
public record CaseSummary(
    String caseNumber,
    String processInstanceId,
    Instant openedAt,
    Instant closedAt,
    String prefecture,
    String statusCategory,
    String nationality,
    List<String> languages,
    List<String> problemFields,
    String referredBy,
    String urgency,
    List<String> tracks,
    String companionId,
    String outcome,
    boolean consentStatistics) {}
