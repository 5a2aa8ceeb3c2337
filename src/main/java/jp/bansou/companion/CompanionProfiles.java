package jp.bansou.companion;

import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code companion_profile} table. */
@Repository
public class CompanionProfiles {

  private final JdbcTemplate jdbc;

  public CompanionProfiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<CompanionProfile> available() {
    return jdbc.query(
        "select * from companion_profile where available = true order by user_id",
        (rs, i) ->
            new CompanionProfile(
                rs.getString("user_id"),
                rs.getString("display_name"),
                split(rs.getString("prefectures")),
                split(rs.getString("languages")),
                split(rs.getString("specialties")),
                rs.getBoolean("works_remotely"),
                rs.getBoolean("is_interpreter"),
                rs.getBoolean("available")));
  }

  public void save(CompanionProfile p) {
    jdbc.update("delete from companion_profile where user_id = ?", p.userId());
    jdbc.update(
        "insert into companion_profile (user_id, display_name, prefectures, languages,"
            + " specialties, works_remotely, is_interpreter, available)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
        p.userId(),
        p.displayName(),
        String.join(",", p.prefectures()),
        String.join(",", p.languages()),
        String.join(",", p.specialties()),
        p.worksRemotely(),
        p.interpreter(),
        p.available());
  }

  public boolean exists(String userId) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from companion_profile where user_id = ?", Integer.class, userId);
    return count != null && count > 0;
  }

  private static List<String> split(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
  }
}
