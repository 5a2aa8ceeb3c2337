package jp.bansou.negotiation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.bansou.engine.Trial;
import jp.bansou.person.CountedCases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** The counterparty register and its negotiations ({@code counterparty}, {@code negotiation}). */
@Repository
public class Counterparties {

  private static final RowMapper<Counterparty> COUNTERPARTY =
      (rs, i) ->
          new Counterparty(
              rs.getLong("id"),
              rs.getString("name"),
              rs.getString("counterparty_type"),
              rs.getString("prefecture"),
              rs.getString("corporate_number"));

  /** One counterparty with its cases, open claims and recovered amount. */
  public record Statistics(
      long id,
      String name,
      String type,
      String prefecture,
      String corporateNumber,
      long cases,
      long openClaims,
      long recoveredYen) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final SimpleJdbcInsert counterparties;
  private final SimpleJdbcInsert negotiations;

  public Counterparties(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.counterparties =
        new SimpleJdbcInsert(jdbc).withTableName("counterparty").usingGeneratedKeyColumns("id");
    this.negotiations =
        new SimpleJdbcInsert(jdbc).withTableName("negotiation").usingGeneratedKeyColumns("id");
  }

  /**
   * A counterparty is a real one unless it was named only in trial cases ({@link Trial}): it is
   * then in no list, and goes when the trials are removed.
   */
  public static String real(String alias) {
    return namedByNoneOrSome(alias, Trial.realCase("r.case_number"));
  }

  /**
   * A counterparty a list may show: one named by a real case that is not restricted, or by no case
   * yet. One named only by restricted (DV) cases is in no list (the register, every companion's
   * choice of counterparty at a claim), as a restricted case is in none; nor one of trials only.
   */
  static String listed(String alias) {
    return namedByNoneOrSome(
        alias,
        Trial.realCase("r.case_number") + " and " + CountedCases.notRestricted("r.case_number"));
  }

  /** Named by no negotiation, or by one {@code r} that meets the condition. */
  private static String namedByNoneOrSome(String alias, String condition) {
    return "not (exists (select 1 from negotiation t where t.counterparty_id = "
        + alias
        + ".id) and not exists (select 1 from negotiation r where r.counterparty_id = "
        + alias
        + ".id and "
        + condition
        + "))";
  }

  /** The counterparties a claim may name ({@link #listed}). */
  public List<Counterparty> all() {
    return jdbc.query(
        "select * from counterparty c where " + listed("c") + " order by name, id", COUNTERPARTY);
  }

  public Optional<Counterparty> find(long id) {
    return jdbc.query("select * from counterparty where id = ?", COUNTERPARTY, id).stream()
        .findFirst();
  }

  /**
   * The same organisation is registered once: by its 法人番号 when given, otherwise by the same name,
   * type and prefecture.
   */
  public Counterparty findOrAdd(
      String name, String type, String prefecture, String corporateNumber) {
    List<Counterparty> existing =
        corporateNumber != null
            ? jdbc.query(
                "select * from counterparty where corporate_number = ?",
                COUNTERPARTY,
                corporateNumber)
            : jdbc.query(
                "select * from counterparty where name = ? and counterparty_type = ?"
                    + " and coalesce(prefecture, '') = ?",
                COUNTERPARTY,
                name,
                type,
                prefecture == null ? "" : prefecture);
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("name", name);
    row.put("counterparty_type", type);
    row.put("prefecture", prefecture);
    row.put("corporate_number", corporateNumber);
    row.put("created_at", Timestamp.from(clock.instant()));
    long id = counterparties.executeAndReturnKey(row).longValue();
    return new Counterparty(id, name, type, prefecture, corporateNumber);
  }

  public long openNegotiation(
      String caseNumber, long counterpartyId, String claimTypes, Long claimedAmountYen) {
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("case_number", caseNumber);
    row.put("counterparty_id", counterpartyId);
    row.put("claim_types", claimTypes);
    row.put("claimed_amount_yen", claimedAmountYen);
    row.put("status", "open");
    row.put("started_at", Timestamp.from(clock.instant()));
    return negotiations.executeAndReturnKey(row).longValue();
  }

  public void closeNegotiation(long negotiationId, String status, Long recoveredAmountYen) {
    jdbc.update(
        "update negotiation set status = ?, recovered_amount_yen = ?, closed_at = ? where id = ?",
        status,
        recoveredAmountYen,
        Timestamp.from(clock.instant()),
        negotiationId);
  }

  /**
   * One row per counterparty ({@link #listed}): how many cases and open claims it has and what was
   * recovered, repeaters first; a restricted (DV) case counted nowhere.
   */
  public List<Statistics> statistics() {
    return jdbc.query(
        "select c.id, c.name, c.counterparty_type, c.prefecture, c.corporate_number,"
            + " count(distinct n.case_number) as cases,"
            + " sum(case when n.status = 'open' then 1 else 0 end) as open_claims,"
            + " coalesce(sum(n.recovered_amount_yen), 0) as recovered_yen"
            + " from counterparty c left join negotiation n on n.counterparty_id = c.id and "
            + Trial.realCase("n.case_number")
            + " and "
            + CountedCases.notRestricted("n.case_number")
            + " where "
            + listed("c")
            + " group by c.id, c.name, c.counterparty_type, c.prefecture, c.corporate_number"
            + " order by cases desc, c.name",
        (rs, i) ->
            new Statistics(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("counterparty_type"),
                rs.getString("prefecture"),
                rs.getString("corporate_number"),
                rs.getLong("cases"),
                rs.getLong("open_claims"),
                rs.getLong("recovered_yen")));
  }
}
