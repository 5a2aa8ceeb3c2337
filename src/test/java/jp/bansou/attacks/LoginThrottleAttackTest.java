package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import jp.bansou.CaseEngineTest;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, part 4 — a stranger cannot lock anyone out. Wrong passwords make the next try wait,
 * growing per account and address and per address; nobody is locked for good, an administrator sees
 * who waits and can lift it, and the right password works again once the wait is over.
 */
@CaseEngineTest
class LoginThrottleAttackTest {

  static final String COORDINATOR = "throttled-coordinator";
  static final String PASSWORD = "a-long-phrase-nobody-guesses";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  Attacker attacker;

  @BeforeEach
  void aCoordinator() {
    attacker = new Attacker(rest.getRootUri());
    User user = identityService.newUser(COORDINATOR);
    user.setFirstName("throttled");
    user.setLastName("coordinator");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(COORDINATOR, Role.COORDINATORS.groupId());
  }

  @AfterEach
  void forgetEveryFailure() {
    ClockUtil.reset();
    identityService.deleteUser(COORDINATOR);
    // every test here calls from 127.0.0.1, as the rest of the suite does
    jdbc.update("delete from login_failure");
  }

  @Test
  void wrongPasswordsMakeTheAccountWaitFromThatAddressOnly() {
    for (int i = 0; i < 3; i++) {
      assertThat(login(COORDINATOR, "guess-" + i).statusCode()).isEqualTo(401);
    }
    assertThat(login(COORDINATOR, "guess-3").statusCode()).isEqualTo(401);

    HttpResponse<String> waiting = login(COORDINATOR, PASSWORD);
    assertRefused(waiting, 429, "待ってから");
    assertThat(waiting.headers().firstValue("Retry-After")).isPresent();
    // someone else at the same address is not held up
    assertThat(attacker.get("companion", "/engine-rest/task/count").statusCode()).isEqualTo(200);
  }

  @Test
  void theWaitGrowsButNeverLocksForGood() {
    Instant now = Instant.now();
    for (int i = 0; i < 12; i++) {
      now = now.plus(Duration.ofMinutes(16));
      ClockUtil.setCurrentTime(Date.from(now));
      assertThat(login(COORDINATOR, "guess-" + i).statusCode()).as("try %d", i).isEqualTo(401);
    }
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofSeconds(30))));
    assertRefused(login(COORDINATOR, PASSWORD), 429, "分");

    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(16))));
    assertThat(login(COORDINATOR, PASSWORD).statusCode()).isEqualTo(200);
    // Camunda's own permanent lock after ten failures never struck
    assertThat(identityService.checkPassword(COORDINATOR, PASSWORD)).isTrue();
  }

  @Test
  void anAdministratorSeesWhoWaitsAndLiftsIt() {
    for (int i = 0; i < 5; i++) {
      login(COORDINATOR, "guess-" + i);
    }
    assertThat(login(COORDINATOR, PASSWORD).statusCode()).isEqualTo(429);

    assertRefused(attacker.get("coordinator", "/api/admin/login-blocks"), 403);
    HttpResponse<String> blocks = attacker.get("demo", "/api/admin/login-blocks");
    assertThat(blocks.statusCode()).isEqualTo(200);
    assertThat(blocks.body()).contains(COORDINATOR, "blockedUntil");

    assertRefused(attacker.delete("demo", "/api/admin/login-blocks"), 400, "account");
    assertRefused(
        attacker.delete("coordinator", "/api/admin/login-blocks?account=" + COORDINATOR), 403);
    assertThat(
            attacker.delete("demo", "/api/admin/login-blocks?account=" + COORDINATOR).statusCode())
        .isEqualTo(200);
    assertThat(login(COORDINATOR, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void anAddressThatGuessesManyAccountsWaits() {
    for (int i = 0; i < 21; i++) {
      assertThat(login("nobody-" + i, "guess").statusCode()).isIn(401, 429);
    }
    assertRefused(login("nobody-else", "guess"), 429, "待ってから");
  }

  @Test
  void theWebappsLoginFormIsThrottledToo() throws Exception {
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> failed = loginForm(COORDINATOR, "guess-" + i);
      assertRefused(failed, 401, "パスワードが違います");
    }
    assertRefused(loginForm(COORDINATOR, PASSWORD), 429, "待ってから");
  }

  @Test
  void someoneHoldingASessionCannotTryCurrentPasswordsToTakeTheAccount() {
    List<String> guesses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      guesses.add(
          "{\"password\": \"a-new-phrase-of-theirs\", \"authenticatedUserPassword\": \"guess-"
              + i
              + "\"}");
    }
    // and then the right one, too late
    guesses.add(
        "{\"password\": \"a-new-phrase-of-theirs\", \"authenticatedUserPassword\":"
            + " \"companion\"}");
    List<HttpResponse<String>> answers =
        attacker.asTasklist(
            "companion",
            "PUT",
            "/camunda/api/engine/engine/default/user/companion/credentials",
            guesses);

    for (int i = 0; i < 4; i++) {
      // before: as many tries as the server answers, each "送られた内容を受け付けられません"
      assertRefused(answers.get(i), 400, "いまのパスワードが正しくありません");
    }
    // as after four wrong logins
    assertRefused(answers.get(4), 429, "待ってから");
    assertThat(identityService.checkPassword("companion", "companion")).isTrue();
    assertThat(identityService.checkPassword("companion", "a-new-phrase-of-theirs")).isFalse();
  }

  @Test
  void anyonesPasswordIsNoLongerCheckedForWhoeverIsLoggedIn() {
    String guess = "{\"username\": \"demo\", \"password\": \"guess\"}";
    // before: 200 {"authenticated": false} for every companion, as often as they liked
    assertRefused(attacker.post("companion", "/engine-rest/identity/verify", guess), 403);
    assertRefused(
        attacker.asTasklist(
            "companion", "POST", "/camunda/api/engine/engine/default/identity/verify", guess),
        403);
    // an administrator may ask; from the webapps each wrong answer counts as a failed login of
    // the account asked about
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      questions.add("{\"username\": \"" + COORDINATOR + "\", \"password\": \"guess-" + i + "\"}");
    }
    questions.add("{\"username\": \"" + COORDINATOR + "\", \"password\": \"" + PASSWORD + "\"}");
    List<HttpResponse<String>> answers =
        attacker.asTasklist(
            "demo", "POST", "/camunda/api/engine/engine/default/identity/verify", questions);
    for (int i = 0; i < 4; i++) {
      assertThat(answers.get(i).statusCode()).as(answers.get(i).body()).isEqualTo(200);
      assertThat(answers.get(i).body()).contains("\"authenticated\":false");
    }
    assertRefused(answers.get(4), 429, "待ってから");
    assertRefused(login(COORDINATOR, PASSWORD), 429, "待ってから");
  }

  @Test
  void theQuestionOfAnyonesPasswordIsNoWayAroundTheLoginsOwnWaits() {
    // logging in with the question itself (HTTP Basic) is throttled as any login
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> guessed =
          attacker.send(
              null,
              attacker
                  .request("/engine-rest/identity/verify")
                  .header("Authorization", Attacker.basic(COORDINATOR, "guess-" + i))
                  .header("Content-Type", "application/json")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"username\": \"demo\", \"password\": \"demo\"}")));
      assertThat(guessed.statusCode()).as(guessed.body()).isEqualTo(401);
    }
    assertRefused(login(COORDINATOR, PASSWORD), 429, "待ってから");
  }

  private HttpResponse<String> login(String user, String password) {
    return attacker.send(
        null,
        attacker
            .request("/engine-rest/task/count")
            .header("Authorization", Attacker.basic(user, password))
            .GET());
  }

  /** As Tasklist's login page does: fetch the CSRF token with a session, then post the form. */
  private HttpResponse<String> loginForm(String user, String password) {
    HttpResponse<String> probe =
        attacker.send(
            null,
            attacker
                .request("/camunda/api/admin/auth/user/default")
                .header("X-XSRF-TOKEN", "Fetch")
                .GET());
    String cookies =
        String.join(
            "; ",
            probe.headers().allValues("set-cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .toList());
    return attacker.send(
        null,
        attacker
            .request("/camunda/api/admin/auth/user/default/login/tasklist")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookies)
            .header("X-XSRF-TOKEN", probe.headers().firstValue("X-XSRF-TOKEN").orElse(""))
            .POST(
                HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
  }
}
