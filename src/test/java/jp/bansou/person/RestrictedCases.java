package jp.bansou.person;

import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every restricted case there is: the whole of {@code case_access}, which only a test may read at
 * once (the application looks up the cases it lists, {@link CaseVisibility#restrictedAmong}).
 */
public final class RestrictedCases {

  private RestrictedCases() {}

  public static Set<String> all(JdbcTemplate jdbc) {
    return Set.copyOf(
        jdbc.queryForList(
            "select case_number from case_access where restricted = true", String.class));
  }
}
