package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import jp.bansou.CaseEngineTest;
import jp.bansou.TestAccounts;
import jp.bansou.engine.Refusal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A companion calls themselves 「コーディネーター」: what they write and read would seem to come from someone
 * else. Their own e-mail address and password stay theirs to change; their name is changed by an
 * administrator.
 */
@CaseEngineTest
class RenameAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  Attacker attacker;
  String firstName;
  String lastName;
  String email;

  @BeforeEach
  void theCompanionAsTheyAre() {
    attacker = new Attacker(rest.getRootUri());
    User companion = user("companion");
    firstName = companion.getFirstName();
    lastName = companion.getLastName();
    email = companion.getEmail();
  }

  @AfterEach
  void putBack() {
    identityService.clearAuthentication();
    User companion = user("companion");
    companion.setFirstName(firstName);
    companion.setLastName(lastName);
    companion.setEmail(email);
    companion.setPassword("companion");
    TestAccounts.save(identityService, companion);
  }

  @Test
  void aCompanionCannotRenameThemselvesThroughEitherApi() {
    String asCoordinator = profile("コーディネーター", "", email);

    assertRefused(
        attacker.put("companion", "/engine-rest/user/companion/profile", asCoordinator),
        400,
        "名前（姓・名）は自分では変えられません",
        "管理者");
    // the profile page of the webapps sends it this way
    assertRefused(
        attacker.asTasklist(
            "companion",
            "PUT",
            "/camunda/api/engine/engine/default/user/companion/profile",
            profile(firstName, "（コーディネーター）", email)),
        400,
        "管理者に頼んで");
    assertThat(user("companion").getFirstName()).isEqualTo(firstName);
    assertThat(user("companion").getLastName()).isEqualTo(lastName);
  }

  @Test
  void anEmailAddressThatIsNotOneIsRefusedAndNothingChanges() {
    for (String bad :
        List.of(
            "not an email",
            "tanaka",
            "tanaka@",
            "tanaka@example.jp, eve@example.com",
            "Eve <eve@example.com>")) {
      assertRefused(
          attacker.put(
              "companion",
              "/engine-rest/user/companion/profile",
              profile(firstName, lastName, bad)),
          400,
          "メールアドレスの形が正しくありません");
    }
    // the same for an administrator's change and an account made by a process
    User companion = user("companion");
    companion.setEmail("tanaka example.jp");
    assertThatThrownBy(() -> identityService.saveUser(companion))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("tanaka@example.jp");
    assertThat(user("companion").getEmail()).isEqualTo(email);
  }

  @Test
  void aCompanionCannotRenameThemselvesInJavaEither() {
    User companion = user("companion");
    companion.setLastName("（コーディネーター）");
    identityService.setAuthentication("companion", List.of("companions"));

    assertThatThrownBy(() -> identityService.saveUser(companion))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("管理者に頼んで");

    identityService.clearAuthentication();
    assertThat(user("companion").getLastName()).isEqualTo(lastName);
  }

  @Test
  void theirOwnEmailAndPasswordStayTheirsToChange() {
    HttpResponse<String> newAddress =
        attacker.put(
            "companion",
            "/engine-rest/user/companion/profile",
            profile(firstName, lastName, "new-address@demo.invalid"));
    assertThat(newAddress.statusCode()).as(newAddress.body()).isEqualTo(204);
    assertThat(user("companion").getEmail()).isEqualTo("new-address@demo.invalid");
    // an empty last name not sent at all is the same empty name
    HttpResponse<String> withoutLastName =
        attacker.put(
            "companion",
            "/engine-rest/user/companion/profile",
            "{\"id\": \"companion\", \"firstName\": \""
                + firstName
                + "\", \"email\": \"other-address@demo.invalid\"}");
    assertThat(withoutLastName.statusCode()).as(withoutLastName.body()).isEqualTo(204);
    assertThat(user("companion").getEmail()).isEqualTo("other-address@demo.invalid");
    // and stays empty, not null (the webapps would show "… null" after the name)
    assertThat(user("companion").getLastName()).isEqualTo(lastName).isEmpty();

    HttpResponse<String> newPassword =
        attacker.put(
            "companion",
            "/engine-rest/user/companion/credentials",
            "{\"password\": \"a-new-Passw0rd-long\", \"authenticatedUserPassword\": \"companion\"}");
    assertThat(newPassword.statusCode()).as(newPassword.body()).isEqualTo(204);
    assertThat(identityService.checkPassword("companion", "a-new-Passw0rd-long")).isTrue();
  }

  @Test
  void anotherUsersNameIsNotTheirsToChangeAtAll() {
    assertRefused(
        attacker.put(
            "companion2", "/engine-rest/user/companion/profile", profile("コーディネーター", "", email)),
        // a companion may not even read another's account: as if there were none
        404);
    // another's id in the body of one's own profile: refused whatever name is sent, so that the
    // answer says nothing of that account's name or whether it exists
    String coordinatorsName = user("coordinator").getFirstName();
    for (String id : new String[] {"coordinator", "no-such-account"}) {
      for (String guess : new String[] {coordinatorsName, "ちがう名前"}) {
        assertRefused(
            attacker.put(
                "companion",
                "/engine-rest/user/companion/profile",
                "{\"id\": \"" + id + "\", \"firstName\": \"" + guess + "\", \"lastName\": \"\"}"),
            403);
      }
      // nor does an e-mail address that is not one make the answer any different
      assertRefused(
          attacker.put(
              "companion",
              "/engine-rest/user/companion/profile",
              "{\"id\": \"" + id + "\", \"firstName\": \"x\", \"email\": \"not an email\"}"),
          403);
    }
    assertThat(user("coordinator").getFirstName()).isEqualTo(coordinatorsName);
    assertThat(user("companion").getFirstName()).isEqualTo(firstName);
  }

  @Test
  void aProfileWithoutItsIdIsRefusedInJapaneseNotAServerError() {
    for (String body : List.of("{\"firstName\": \"Eve\"}", "{\"id\": \" \", \"lastName\": \"\"}")) {
      assertRefused(
          attacker.put("companion", "/engine-rest/user/companion/profile", body), 400, "ユーザー名");
      assertRefused(
          attacker.asTasklist(
              "companion",
              "PUT",
              "/camunda/api/engine/engine/default/user/companion/profile",
              body),
          400,
          "ユーザー名");
    }
    // an administrator creating an account without one
    assertRefused(
        attacker.post(
            "demo",
            "/engine-rest/user/create",
            "{\"profile\": {\"firstName\": \"x\"}, \"credentials\": {\"password\": \"a-long-Passw0rd\"}}"),
        400,
        "ユーザー名");
    assertThat(user("companion").getFirstName()).isEqualTo(firstName);
  }

  @Test
  void anAdministratorRenamesThem() {
    HttpResponse<String> renamed =
        attacker.put("demo", "/engine-rest/user/companion/profile", profile("山田", "花子", email));

    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(204);
    assertThat(user("companion").getFirstName()).isEqualTo("山田");
    assertThat(user("companion").getLastName()).isEqualTo("花子");
  }

  private User user(String id) {
    return identityService.createUserQuery().userId(id).singleResult();
  }

  private static String profile(String first, String last, String email) {
    return "{\"id\": \"companion\", \"firstName\": \""
        + first
        + "\", \"lastName\": \""
        + last
        + "\", \"email\": \""
        + email
        + "\"}";
  }
}
