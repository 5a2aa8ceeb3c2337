package jp.bansou.person;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The facts that decide who may see a case: tables {@code case_access} (region, restriction, the
 * companion who accepted, consent to sharing with lawyers, open or closed), {@code
 * case_access_grant} (lawyers and interpreters given sight by their part in the case) and {@code
 * coordinator_region}.
 */
@Repository
public class CaseAccess {

  /** The access facts of one case. */
  public record Access(
      String caseNumber,
      String prefecture,
      boolean restricted,
      String restrictedCoordinator,
      String companionId,
      boolean consentSharing,
      boolean open) {}

  /** What a grant lets its holder see. */
  public enum Scope {
    ALL,
    NAME
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public CaseAccess(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void opened(
      String caseNumber,
      String prefecture,
      boolean restricted,
      String restrictedCoordinator,
      boolean consentSharing) {
    jdbc.update(
        "insert into case_access (case_number, prefecture, restricted, restricted_coordinator,"
            + " consent_sharing, open) values (?, ?, ?, ?, ?, true)",
        caseNumber,
        prefecture,
        restricted,
        restrictedCoordinator,
        consentSharing);
  }

  public Optional<Access> find(String caseNumber) {
    return jdbc
        .query(
            "select * from case_access where case_number = ?",
            (rs, i) ->
                new Access(
                    rs.getString("case_number"),
                    rs.getString("prefecture"),
                    rs.getBoolean("restricted"),
                    rs.getString("restricted_coordinator"),
                    rs.getString("companion_id"),
                    rs.getBoolean("consent_sharing"),
                    rs.getBoolean("open")),
            caseNumber)
        .stream()
        .findFirst();
  }

  /** The companion who accepted the case; the one before, if any, no longer sees it. */
  public void assigned(String caseNumber, String companionId) {
    jdbc.update(
        "update case_access set companion_id = ? where case_number = ?", companionId, caseNumber);
  }

  public void closed(String caseNumber) {
    jdbc.update(
        "update case_access set open = false, closed_at = ? where case_number = ?",
        Timestamp.from(clock.instant()),
        caseNumber);
    jdbc.update(
        "update case_access_grant set revoked_at = ? where case_number = ? and revoked_at is null",
        Timestamp.from(clock.instant()),
        caseNumber);
  }

  /** Only the companion and this one coordinator see the case at all from now on. */
  public void restrict(String caseNumber, String coordinator) {
    jdbc.update(
        "update case_access set restricted = true, restricted_coordinator = ? where case_number = ?",
        coordinator,
        caseNumber);
  }

  public void grant(String caseNumber, String userId, Scope scope, String reason) {
    if (!grantsOf(caseNumber, userId).contains(scope)) {
      jdbc.update(
          "insert into case_access_grant (case_number, user_id, scope, reason, granted_at)"
              + " values (?, ?, ?, ?, ?)",
          caseNumber,
          userId,
          scope.name(),
          reason,
          Timestamp.from(clock.instant()));
    }
  }

  public void revoke(String caseNumber, String userId) {
    jdbc.update(
        "update case_access_grant set revoked_at = ? where case_number = ? and user_id = ?"
            + " and revoked_at is null",
        Timestamp.from(clock.instant()),
        caseNumber,
        userId);
  }

  /** The scopes of the user's grants on the case that are not revoked. */
  public List<Scope> grantsOf(String caseNumber, String userId) {
    return jdbc
        .queryForList(
            "select scope from case_access_grant where case_number = ? and user_id = ?"
                + " and revoked_at is null",
            String.class,
            caseNumber,
            userId)
        .stream()
        .map(Scope::valueOf)
        .toList();
  }

  /** The prefectures a coordinator is responsible for ({@code *} for all). */
  public List<String> regionsOf(String coordinator) {
    return jdbc.queryForList(
        "select prefecture from coordinator_region where user_id = ? order by prefecture",
        String.class,
        coordinator);
  }

  public void setRegions(String coordinator, List<String> prefectures) {
    jdbc.update("delete from coordinator_region where user_id = ?", coordinator);
    for (String prefecture : prefectures) {
      jdbc.update(
          "insert into coordinator_region (user_id, prefecture) values (?, ?)",
          coordinator,
          prefecture);
    }
  }

  /**
   * Cases closed before the given time whose person's identity is not erased yet, in one query (the
   * nightly erasure once listed every case closed in five years and asked the vault about each).
   */
  public List<String> closedBeforeNotErased(java.time.Instant before) {
    return jdbc.queryForList(
        "select a.case_number from case_access a where a.open = false and a.closed_at < ?"
            + " and not exists (select 1 from person_identity p"
            + " where p.case_number = a.case_number and p.erased_at is not null)"
            + " order by a.case_number",
        String.class,
        Timestamp.from(before));
  }

  /** The open cases the companion accepted (what moves when they stop or pause). */
  public List<String> openCasesOf(String companionId) {
    return jdbc.queryForList(
        "select case_number from case_access where companion_id = ? and open = true"
            + " order by case_number",
        String.class,
        companionId);
  }

  /**
   * Which of these cases are restricted, looked up by case number a few hundred at a time: a list
   * leaves them out without reading every restricted case there has ever been.
   */
  public Set<String> restrictedAmong(Collection<String> caseNumbers) {
    List<String> distinct = caseNumbers.stream().filter(Objects::nonNull).distinct().toList();
    Set<String> restricted = new HashSet<>();
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
    for (int from = 0; from < distinct.size(); from += LOOKED_UP_AT_ONCE) {
      restricted.addAll(
          named.queryForList(
              "select case_number from case_access where restricted = true"
                  + " and case_number in (:cases)",
              Map.of(
                  "cases",
                  distinct.subList(from, Math.min(distinct.size(), from + LOOKED_UP_AT_ONCE))),
              String.class));
    }
    return restricted;
  }

  private static final int LOOKED_UP_AT_ONCE = 500;
}
