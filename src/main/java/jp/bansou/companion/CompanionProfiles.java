package jp.bansou.companion;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code companion_profile} table. */
@Repository
public class CompanionProfiles {

  private final JdbcTemplate jdbc;

  public CompanionProfiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static final RowMapper<CompanionProfile> PROFILE =
      (rs, i) ->
          new CompanionProfile(
              rs.getString("user_id"),
              rs.getString("display_name"),
              split(rs.getString("prefectures")),
              levels(rs.getString("languages")),
              split(rs.getString("specialties")),
              rs.getBoolean("works_remotely"),
              rs.getBoolean("is_interpreter"),
              rs.getBoolean("available"),
              rs.getBoolean("certified"));

  public List<CompanionProfile> available() {
    return jdbc.query(
        "select * from companion_profile where available = true order by user_id", PROFILE);
  }

  public Optional<CompanionProfile> find(String userId) {
    return jdbc.query("select * from companion_profile where user_id = ?", PROFILE, userId).stream()
        .findFirst();
  }

  public void save(CompanionProfile p) {
    jdbc.update("delete from companion_profile where user_id = ?", p.userId());
    jdbc.update(
        "insert into companion_profile (user_id, display_name, prefectures, languages,"
            + " specialties, works_remotely, is_interpreter, available, certified)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p.userId(),
        p.displayName(),
        String.join(",", p.prefectures()),
        p.languageLevels().entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue())
            .collect(Collectors.joining(",")),
        String.join(",", p.specialties()),
        p.worksRemotely(),
        p.interpreter(),
        p.available(),
        p.certified());
  }

  public boolean exists(String userId) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from companion_profile where user_id = ?", Integer.class, userId);
    return count != null && count > 0;
  }

  /** {@code vi:fluent,en:conversational}; a bare code (older rows) is fluent. */
  static Map<String, String> levels(String csv) {
    Map<String, String> levels = new LinkedHashMap<>();
    for (String entry : split(csv)) {
      int colon = entry.indexOf(':');
      if (colon < 0) {
        levels.put(entry, CompanionProfile.FLUENT);
      } else {
        levels.put(entry.substring(0, colon), entry.substring(colon + 1));
      }
    }
    return levels;
  }

  private static List<String> split(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
  }
}
