package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import jp.bansou.CaseEngineTest;
import jp.bansou.person.CaseAccess;
import jp.bansou.security.CanonicalPaths;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A path written so that a guard reads it one way and a router another. Spring MVC and JAX-RS route
 * {@code /api;x/admin/…} and {@code /api/%61dmin/…} to the admin controller (they drop path
 * parameters and decode), while a guard comparing the path as written saw no admin path and let a
 * coordinator in: a coordinator gave themselves every prefecture and read every person. Each such
 * path is now refused with 400 before any guard, and nothing changed.
 */
@CaseEngineTest
class PathAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired CaseAccess access;
  @Autowired RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  Attacker attacker;

  @BeforeEach
  void attacker() {
    attacker = new Attacker(rest.getRootUri());
  }

  @Test
  void aCoordinatorCannotReachAnAdminPathByWritingItDifferently() {
    List<String> before = access.regionsOf("coordinator");
    String everywhere = "{\"prefectures\":[\"*\"]}";
    assertRefused(
        attacker.put("coordinator", "/api/admin/coordinators/coordinator/regions", everywhere),
        403);
    for (String path :
        List.of(
            "/api;/admin/coordinators/coordinator/regions",
            "/api;x/admin/coordinators/coordinator/regions",
            "/api/admin;x/coordinators/coordinator/regions",
            "/api/%61dmin/coordinators/coordinator/regions",
            "/api/%2561dmin/coordinators/coordinator/regions",
            "/api/./admin/coordinators/coordinator/regions",
            "/api/cases/../admin/coordinators/coordinator/regions",
            "/api//admin/coordinators/coordinator/regions")) {
      HttpResponse<String> answer = attacker.put("coordinator", path, everywhere);
      assertThat(answer.statusCode()).as(path).isIn(400, 404);
      if (answer.statusCode() == 400) {
        assertRefused(answer, 400, "アドレス");
      }
    }
    assertThat(access.regionsOf("coordinator")).isEqualTo(before);
    // an administrator's region that is no prefecture, null among them: refused, not a 500
    for (String bad : List.of("{\"prefectures\":[null]}", "{\"prefectures\":[\"48\"]}")) {
      assertRefused(
          attacker.put("demo", "/api/admin/coordinators/coordinator/regions", bad), 400, "01〜47");
    }
    assertThat(access.regionsOf("coordinator")).isEqualTo(before);
  }

  @Test
  void aSupervisorCannotReachTheModellersOrTheAdminsLists() {
    for (String path :
        List.of("/api;/admin/suspensions", "/api;/models/live.zip", "/api/%6Dodels/live.zip")) {
      assertRefused(attacker.get("supervisor", path), 400, "アドレス");
    }
    assertRefused(attacker.post("supervisor", "/api;/models/export", "{}"), 400, "アドレス");
    assertRefused(attacker.get("supervisor", "/api/admin/suspensions"), 403);
  }

  @Test
  void theEngineApiIsGuardedByThePathAsWrittenToo() {
    long deployments = repositoryService.createDeploymentQuery().count();
    for (String path :
        List.of(
            "/engine-rest;/deployment/create",
            "/engine-rest/deployment;x/create",
            "/engine-rest/%64eployment/create")) {
      assertRefused(attacker.post("modeller", path, "{}"), 400, "アドレス");
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aTrailingSlashDoesNotSlipPastTheEngineApisGuards() {
    // JAX-RS routes .../complete/ as .../complete; the guards matched the path's end. They read it
    // without the slash now (CanonicalPaths.guarded), and answer as they do without one
    var pi = jp.bansou.casefile.CaseDriver.start(engine, jp.bansou.casefile.Intake.person());
    var triage =
        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    engine.getTaskService().claim(triage.getId(), "coordinator");
    String hijack = "{\"variables\": {\"caseNumber\": {\"value\": \"HIJACK\"}}}";
    assertRefused(
        attacker.post("coordinator", "/engine-rest/task/" + triage.getId() + "/complete", hijack),
        400,
        "caseNumber");
    assertRefused(
        attacker.post("coordinator", "/engine-rest/task/" + triage.getId() + "/complete/", hijack),
        400,
        "caseNumber");
    assertRefused(
        attacker.delete("modeller", "/engine-rest/deployment/no-such-deployment/?cascade=true"),
        400,
        "ケースごと");
    // Cockpit's own suspend button sends PUT …/suspended/: the suspension guard answers it
    assertRefused(
        attacker.put(
            "demo",
            "/engine-rest/process-instance/" + pi.getId() + "/suspended/",
            "{\"suspended\": true}"),
        400,
        "理由");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "caseNumber"))
        .isEqualTo(pi.getBusinessKey());
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .suspended()
                .count())
        .isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskId(triage.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void anEscapedColonOfADefinitionIdAndAJapaneseNameStillPass() {
    String id =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("accompaniment-case")
            .latestVersion()
            .singleResult()
            .getId();
    HttpResponse<String> definition =
        attacker.get("coordinator", "/engine-rest/process-definition/" + id.replace(":", "%3A"));
    assertThat(definition.statusCode()).as(definition.body()).isEqualTo(200);
    assertThat(attacker.get("coordinator", "/api/cases/%E7%95%AA%E5%8F%B7/person").statusCode())
        .isNotEqualTo(400);
  }

  @Test
  void whatTomcatRefusesItselfIsAnsweredInJapaneseToo() {
    // an escaped slash: refused by Tomcat before any filter (a broken escape, %u0061, too; the
    // JDK's client cannot send one)
    assertRefused(attacker.get("coordinator", "/api/admin%2Fcoordinators/x"), 400, "アドレス");
  }

  @Test
  void whatIsCanonical() {
    assertThat(CanonicalPaths.canonical("/api/admin/login-blocks")).isTrue();
    assertThat(CanonicalPaths.canonical("/camunda/app/tasklist/")).isTrue();
    assertThat(CanonicalPaths.canonical("/engine-rest/task/1/complete/")).isTrue();
    assertThat(CanonicalPaths.canonical("/")).isTrue();
    assertThat(CanonicalPaths.canonical("/engine-rest/process-definition/a%3A1%3Ab")).isTrue();
    for (String path :
        List.of(
            "/api;/admin",
            "/api/%61dmin",
            "/api/%2e%2e/admin",
            "/api/%2fadmin",
            "/api/%25",
            "/api/%",
            "/api/%zz",
            "/api/\\admin",
            "/api/..",
            "/api/.",
            "//api",
            "/engine-rest/task/1/complete//",
            "/api/%00")) {
      assertThat(CanonicalPaths.canonical(path)).as(path).isFalse();
    }
  }
}
