package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.bansou.CaseEngineTest;
import jp.bansou.security.SecurityHeadersProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 14, part 7 — transport. Our JSON and pages carry the same protective headers as Camunda's
 * webapps, refusals included; in production every path is HTTPS only, as the TLS-terminating proxy
 * reports it, with HSTS. (The production profile behind a proxy, with its secure cookies, is
 * exercised on a real server by {@code PostgresStartupTest}.)
 */
@CaseEngineTest
class TransportAttackTest {

  @Autowired TestRestTemplate rest;

  Attacker attacker;

  @BeforeEach
  void attacker() {
    attacker = new Attacker(rest.getRootUri());
  }

  @Test
  void ourJsonCarriesTheWebappsProtectiveHeaders() {
    HttpResponse<String> answered = attacker.get("coordinator", "/api/dashboard");
    assertThat(answered.statusCode()).isEqualTo(200);
    assertProtected(answered);
    assertThat(answered.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void refusalsCarryThemToo() {
    HttpResponse<String> refused = attacker.get("companion", "/api/dashboard");
    assertRefused(refused, 403);
    assertProtected(refused);
    HttpResponse<String> anonymous = attacker.get(null, "/api/dashboard");
    assertRefused(anonymous, 401, "ログイン");
    assertProtected(anonymous);
  }

  @Test
  void theDashboardPageForbidsFramingAndForeignScripts() {
    HttpResponse<String> page = attacker.get(null, "/dashboard/login.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertProtected(page);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'", "frame-ancestors 'none'");
  }

  @Test
  void theEnginesRestApiAnswersALoginRefusalInJapanese() {
    HttpResponse<String> anonymous = attacker.get(null, "/engine-rest/task");
    assertRefused(anonymous, 401, "ログイン");
  }

  @Test
  void inProductionPlainHttpIsSentToHttps() throws Exception {
    MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/camunda/app/tasklist/");
    plain.setServerName("bansou.example.jp");
    plain.setQueryString("x=1");
    MockHttpServletResponse response = new MockHttpServletResponse();

    AtomicBoolean passed = SecurityHeadersProbe.run(true, plain, response);

    assertThat(passed).isFalse();
    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl())
        .isEqualTo("https://bansou.example.jp/camunda/app/tasklist/?x=1");
  }

  @Test
  void inProductionAPasswordSentInTheClearIsNotTaken() throws Exception {
    MockHttpServletRequest plain =
        new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/tasklist");
    plain.setParameter("password", "secret");
    MockHttpServletResponse response = new MockHttpServletResponse();

    AtomicBoolean passed = SecurityHeadersProbe.run(true, plain, response);

    assertThat(passed).isFalse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("HTTPS");
  }

  @Test
  void overHttpsEveryPathGetsHsts() throws Exception {
    for (String path : new String[] {"/api/dashboard", "/engine-rest/task", "/camunda/app/"}) {
      MockHttpServletRequest secure = new MockHttpServletRequest("GET", path);
      secure.setSecure(true);
      MockHttpServletResponse response = new MockHttpServletResponse();

      AtomicBoolean passed = SecurityHeadersProbe.run(true, secure, response);

      assertThat(passed).as(path).isTrue();
      assertThat(response.getHeader("Strict-Transport-Security")).as(path).contains("max-age=");
    }
  }

  private static void assertProtected(HttpResponse<String> response) {
    var headers = response.headers();
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(headers.firstValue("Content-Security-Policy")).isPresent();
  }
}
