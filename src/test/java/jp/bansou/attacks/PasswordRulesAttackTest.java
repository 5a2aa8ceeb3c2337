package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import jp.bansou.CaseEngineTest;
import jp.bansou.TestAccounts;
import jp.bansou.security.PasswordRules;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A password anyone could guess, or one that is not there at all, is not taken: not from the person
 * themselves, not from an administrator, not from Java. A password for another person's account is
 * refused before the rules compare it with that account's name and address.
 */
@CaseEngineTest
class PasswordRulesAttackTest {

  private static final String RULES = "12 文字以上（空白は数えません）で、ユーザー名・名前・メールアドレスを含まない";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @AfterEach
  void putBack() {
    for (String id : List.of("companion", "companion2")) {
      User user = identityService.createUserQuery().userId(id).singleResult();
      user.setPassword(id);
      TestAccounts.save(identityService, user);
    }
    identityService.deleteUser("new-companion");
  }

  @Test
  void aShortPasswordOrOneWithTheirOwnNameIsRefusedAndTheOldOneStillWorks() {
    Attacker attacker = new Attacker(rest.getRootUri());
    String name = user("companion").getFirstName();
    for (String weak :
        List.of(
            "short-pw",
            "12345678901",
            "my-companion-pass",
            "COMPANION-2026!",
            name + "のパスワード123",
            // twelve of Java's code units, fewer characters as a person sees them (a reviewing
            // helper's finds): six emoji, six letters each written with a separate accent, spaces
            "😀😀😀😀😀😀",
            "e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301",
            // two families of four joined emoji (14 code points each), three flags, two thumbs up
            // with a skin tone: seven characters as they are seen
            "👨‍👩‍👧‍👦👨‍👩‍👧‍👦🇯🇵🇯🇵🇯🇵👍🏽👍🏽",
            "            ",
            "   short-pw   ",
            // spaces between, and spaces of other widths, count no more than those at the ends
            "a          b",
            "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0",
            "short\u3000\u3000\u3000\u3000\u3000\u3000\u3000pw")) {
      assertRefused(
          attacker.put("companion", "/engine-rest/user/companion/credentials", credentials(weak)),
          400,
          RULES);
      // the profile page of the webapps sends it this way
      assertRefused(
          attacker.asTasklist(
              "companion",
              "PUT",
              "/camunda/api/engine/engine/default/user/companion/credentials",
              credentials(weak)),
          400,
          RULES);
      assertThat(identityService.checkPassword("companion", weak)).as(weak).isFalse();
    }
    assertThat(identityService.checkPassword("companion", "companion")).isTrue();
  }

  @Test
  void aLongPhraseIsTakenAndLetsThemIn() {
    Attacker attacker = new Attacker(rest.getRootUri());
    String phrase = "さくらの花が咲くころ 2026";

    HttpResponse<String> changed =
        attacker.put("companion", "/engine-rest/user/companion/credentials", credentials(phrase));

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    assertThat(identityService.checkPassword("companion", phrase)).isTrue();
    assertThat(identityService.checkPassword("companion", "companion")).isFalse();
  }

  @Test
  void aMissingOrOverlongPasswordIsRefusedNotTakenAsNoChange() {
    Attacker attacker = new Attacker(rest.getRootUri());
    for (String body :
        List.of(
            "{\"password\": null, \"authenticatedUserPassword\": \"companion\"}",
            "{\"authenticatedUserPassword\": \"companion\"}",
            "{\"password\": \"\", \"authenticatedUserPassword\": \"companion\"}",
            "{\"password\": 123456789012345, \"authenticatedUserPassword\": \"companion\"}",
            "{\"password\": [\"a-long-enough-phrase\"], \"authenticatedUserPassword\": \"companion\"}")) {
      // before: 204, and nothing changed
      assertRefused(
          attacker.put("companion", "/engine-rest/user/companion/credentials", body),
          400,
          "新しいパスワードがありません");
    }
    assertRefused(
        attacker.put(
            "companion",
            "/engine-rest/user/companion/credentials",
            credentials("a".repeat(PasswordRules.MAX_LENGTH + 1))),
        400,
        "128 文字まで");
    assertRefused(
        attacker.put(
            "companion",
            "/engine-rest/user/companion/credentials",
            credentials("a-phrase ".repeat(600))),
        400,
        "128 文字まで");
    assertThat(identityService.checkPassword("companion", "companion")).isTrue();
  }

  @Test
  void anotherPersonsPasswordIsRefusedBeforeItIsComparedWithTheirName() {
    Attacker attacker = new Attacker(rest.getRootUri());
    String othersName = user("companion2").getFirstName();
    // refused with its reason (before: "not found", as if there were no such account), and the
    // same for a password with the other's name in it as for one without: were the rules applied
    // first, their refusal would tell whoever may read accounts what a name or address contains
    for (String guess : List.of(othersName + "-long-enough", "nothing-of-theirs-2026", "x")) {
      assertRefused(
          attacker.put(
              "companion",
              "/engine-rest/user/companion2/credentials",
              "{\"password\": \"" + guess + "\", \"authenticatedUserPassword\": \"companion\"}"),
          403,
          "ほかの人のパスワードは変えられません");
    }
    assertThat(identityService.checkPassword("companion2", "companion2")).isTrue();

    // an administrator sets a forgotten one, under the same rules
    assertRefused(
        attacker.put(
            "demo",
            "/engine-rest/user/companion2/credentials",
            "{\"password\": \"short\", \"authenticatedUserPassword\": \"demo\"}"),
        400,
        RULES);
    HttpResponse<String> set =
        attacker.put(
            "demo",
            "/engine-rest/user/companion2/credentials",
            "{\"password\": \"a-new-phrase-for-you\", \"authenticatedUserPassword\": \"demo\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
    assertThat(identityService.checkPassword("companion2", "a-new-phrase-for-you")).isTrue();
  }

  @Test
  void anAccountIsCreatedOnlyWithAPasswordTheRulesAllow() {
    Attacker attacker = new Attacker(rest.getRootUri());
    for (String credentials :
        List.of(
            "{\"password\": \"short\"}",
            "{\"password\": \"new-companion-pass\"}",
            "{}",
            "{\"password\": null}")) {
      HttpResponse<String> created =
          attacker.post(
              "demo",
              "/engine-rest/user/create",
              "{\"profile\": {\"id\": \"new-companion\", \"firstName\": \"新人\", \"lastName\": \"\"},"
                  + " \"credentials\": "
                  + credentials
                  + "}");
      assertThat(created.statusCode()).as(credentials + " " + created.body()).isEqualTo(400);
      assertThat(created.body()).containsAnyOf(RULES, "新しいパスワードがありません");
      assertThat(user("new-companion")).as(credentials).isNull();
    }
  }

  @Test
  void anAdministratorIsToldWhatIsWrongWithAnIdNotAServerError() {
    Attacker attacker = new Attacker(rest.getRootUri());
    for (String id : List.of("new companion", "新人")) {
      assertRefused(
          attacker.post(
              "demo",
              "/engine-rest/user/create",
              "{\"profile\": {\"id\": \""
                  + id
                  + "\", \"firstName\": \"新人\"}, \"credentials\": {\"password\":"
                  + " \"a-long-enough-phrase\"}}"),
          400,
          "半角の英字か数字で始め");
    }
    // an id already there: not "the task was changed at the same time"
    assertRefused(
        attacker.post(
            "demo",
            "/engine-rest/user/create",
            "{\"profile\": {\"id\": \"companion2\", \"firstName\": \"別人\"},"
                + " \"credentials\": {\"password\": \"a-long-enough-phrase\"}}"),
        409,
        "もう使われています");
    assertThat(user("companion2").getFirstName()).isNotEqualTo("別人");
    assertThat(identityService.checkPassword("companion2", "companion2")).isTrue();
  }

  @Test
  void javaMeetsTheSameRules() {
    User companion = user("companion");
    companion.setPassword("companion-1");
    assertThatThrownBy(() -> identityService.saveUser(companion))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Password does not match policy");
    assertThat(identityService.checkPassword("companion", "companion")).isTrue();
  }

  @Test
  void theNameIsFoundAsAPersonWouldReadIt() {
    // as onboarding stores a companion: the whole name in the first name, the last name empty
    User hanako = identityService.newUser("htanaka");
    hanako.setFirstName("田中 花子");
    hanako.setLastName("");
    hanako.setEmail("hanako.t@example.jp");
    for (String weak :
        List.of(
            "田中花子の新しいパスワード",
            "花子のパスワードです2026",
            "ｈｔａｎａｋａ-ｐａｓｓ-２０２６",
            "h t a n a k a 2026 pass",
            "my-Hanako.T-mailbox-1")) {
      assertThat(identityService.checkPasswordAgainstPolicy(weak, hanako).isValid())
          .as(weak)
          .isFalse();
    }
    assertThat(identityService.checkPasswordAgainstPolicy("さくらの花が咲くころ 2026", hanako).isValid())
        .isTrue();
    // a name part of one letter does not forbid that letter everywhere
    User e = identityService.newUser("eva-l");
    e.setFirstName("E");
    assertThat(identityService.checkPasswordAgainstPolicy("every evening we eat", e).isValid())
        .isTrue();
  }

  @Test
  void aGeneratedPasswordMeetsTheRulesEvenForATwoLetterId() {
    // about one draw in fifty holds "ab" or "cd" somewhere: drawn again
    User ab = identityService.newUser("ab");
    ab.setFirstName("Cd");
    for (int i = 0; i < 300; i++) {
      String password = PasswordRules.random(identityService, ab);
      assertThat(password)
          .hasSize(16)
          .doesNotContainIgnoringCase("ab")
          .doesNotContainIgnoringCase("cd");
      assertThat(identityService.checkPasswordAgainstPolicy(password, ab).isValid()).isTrue();
    }
  }

  @Test
  void theWebappsAreToldTheRulesToShowAsOneTypes() throws Exception {
    Attacker attacker = new Attacker(rest.getRootUri());
    HttpResponse<String> policy =
        attacker.get("companion", "/engine-rest/identity/password-policy");

    assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
    JsonNode rules = new ObjectMapper().readTree(policy.body()).path("rules");
    assertThat(rules.findValuesAsText("placeholder"))
        .containsExactly("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_USER_DATA");
    assertThat(rules.get(0).path("parameter").path("minLength").asText()).isEqualTo("12");

    // the check as one types, open to anyone on the webapps' side: as long as the rules allow
    HttpResponse<String> typed =
        attacker.post(
            "companion",
            "/engine-rest/identity/password-policy",
            "{\"password\": \"short\", \"profile\": {\"id\": \"companion\"}}");
    assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
    assertThat(typed.body()).contains("\"valid\":false");
    assertRefused(
        attacker.post(
            "companion",
            "/engine-rest/identity/password-policy",
            "{\"password\": \"" + "あ".repeat(20_000) + "\"}"),
        400,
        "128 文字まで");
  }

  private User user(String id) {
    return identityService.createUserQuery().userId(id).singleResult();
  }

  private static String credentials(String password) {
    return "{\"password\": \""
        + password.replace("\"", "\\\"")
        + "\", \"authenticatedUserPassword\": \"companion\"}";
  }
}
