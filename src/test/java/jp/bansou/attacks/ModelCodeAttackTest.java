package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static jp.bansou.attacks.Attacker.assertRefusedEchoing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import jp.bansou.CaseEngineTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 14, part 1 — models are code. A modeller deploys, through {@code /engine-rest} as Camunda
 * Modeler does, models whose expressions reach for reflection, the engine's services, the database
 * or a script engine. Each is refused at deployment with a Japanese message naming the element and
 * the expression, and nothing of it exists afterwards: no deployment, no file, no membership.
 */
@CaseEngineTest
class ModelCodeAttackTest {

  static final Path WITNESS = Path.of("target", "attack-witness");

  @Autowired TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;

  Attacker attacker;
  String deploymentName;

  @BeforeEach
  void attacker() throws Exception {
    attacker = new Attacker(rest.getRootUri());
    deploymentName = "attack-" + UUID.randomUUID();
    Files.deleteIfExists(WITNESS);
  }

  @AfterEach
  void nothingChanged() {
    assertThat(Files.exists(WITNESS)).as("a command ran on the server").isFalse();
    assertThat(repositoryService.createDeploymentQuery().deploymentName(deploymentName).count())
        .isZero();
    assertThat(
            repositoryService.createProcessDefinitionQuery().processDefinitionKey("attack").count())
        .isZero();
    assertThat(
            identityService
                .createUserQuery()
                .memberOfGroup("camunda-admin")
                .userId("modeller")
                .count())
        .isZero();
  }

  /** The attacker's own expression, quoted back in the refusal. */
  static final java.util.regex.Pattern QUOTED_EXPRESSION =
      java.util.regex.Pattern.compile("「\\$\\{[^」]*」");

  static final String EXEC =
      "''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + WITNESS + "')";

  static Stream<Arguments> models() {
    return Stream.of(
        attack(
            "a listener copying the person's name into a variable (during the intake)",
            """
            <bpmn:task id="copy"><bpmn:extensionElements>
              <camunda:executionListener event="start" expression="${execution.setVariable('triageNote', personName)}" />
            </bpmn:extensionElements></bpmn:task>""",
            "copy",
            "personName"),
        attack(
            "an embedded HTML form, whose script would run in the browser of whoever opens the task",
            "<bpmn:userTask id=\"embedded\" camunda:formKey=\"embedded:deployment:attack.html\" camunda:candidateGroups=\"companions\" />",
            "embedded",
            "formKey"),
        attack(
            "a form the engine generates from the model, which no form check knows",
            """
            <bpmn:userTask id="generated" camunda:candidateGroups="companions"><bpmn:extensionElements>
              <camunda:formData><camunda:formField id="note" label="メモ" type="string" /></camunda:formData>
            </bpmn:extensionElements></bpmn:userTask>""",
            "generated",
            "formData"),
        attack(
            "a shell command from a service task of the engine's own shell type",
            """
            <bpmn:serviceTask id="shell" camunda:type="shell"><bpmn:extensionElements>
              <camunda:field name="command" stringValue="touch" />
              <camunda:field name="arg1" stringValue="%s" />
            </bpmn:extensionElements></bpmn:serviceTask>"""
                .formatted(WITNESS),
            "shell",
            "camunda:type"),
        attack(
            "a class in the old namespace the engine still reads as its own",
            """
            <bpmn:serviceTask xmlns:activiti="http://activiti.org/bpmn" id="old"
                activiti:class="org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior" />""",
            "old",
            "activiti"),
        attack(
            "a class for a call activity's variables",
            "<bpmn:callActivity id=\"mapping\" calledElement=\"x\" camunda:variableMappingClass=\"java.lang.Object\" />",
            "mapping",
            "variableMappingClass"),
        attack(
            "an expression split by a comment, which the engine joins again",
            """
            <bpmn:task id="split"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="note">$<!-- -->{personName}</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>""",
            "split",
            "personName"),
        attack(
            "an expression split by CDATA",
            """
            <bpmn:task id="cdata"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="note"><![CDATA[$]]>{''.getClass()}</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>""",
            "cdata",
            "getClass"),
        attack(
            "a task named after the person's phone",
            "<bpmn:userTask id=\"named\" name=\"確認 ${phone}\" camunda:candidateGroups=\"coordinators\" />",
            "named",
            "phone"),
        attack(
            "the e-mail read by its variable's name",
            """
            <bpmn:task id="byName"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="note">${execution.getVariable('email')}</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>""",
            "byName",
            "email"),
        attack(
            "a variable's name put together so that no identity name is written",
            """
            <bpmn:task id="built"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="note">${execution.getVariable('person'.concat('Name'))}</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>""",
            "built",
            "getVariable"),
        attack(
            "every variable copied at once",
            """
            <bpmn:task id="all"><bpmn:extensionElements>
              <camunda:executionListener event="end" expression="${execution.setVariable('everything', execution.getVariables())}" />
            </bpmn:extensionElements></bpmn:task>""",
            "all",
            "getVariables"),
        attack(
            "a timer that runs a command",
            """
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition>
              <bpmn:timeDuration>${%s}</bpmn:timeDuration>
            </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""
                .formatted(EXEC),
            "wait",
            "getClass"),
        attack(
            "an expression that makes the modeller an administrator",
            "<bpmn:serviceTask id=\"grant\" camunda:expression=\"${identityService.createMembership('modeller', 'camunda-admin')}\" />",
            "grant",
            "identityService"),
        attack(
            "an expression that reads phones from the database",
            "<bpmn:serviceTask id=\"read\" camunda:expression=\"${jdbcTemplate.queryForList('select * from person_identity')}\" camunda:resultVariable=\"rows\" />",
            "read",
            "jdbcTemplate"),
        attack(
            "the engine's services through the execution",
            "<bpmn:serviceTask id=\"services\" camunda:expression=\"${execution.processEngineServices.identityService.createMembership('modeller', 'camunda-admin')}\" />",
            "services",
            "processEngineServices"),
        attack(
            "the engine through a getter",
            "<bpmn:serviceTask id=\"engine\" camunda:expression=\"${execution.getProcessEngine().getIdentityService()}\" />",
            "engine",
            "getProcessEngine"),
        attack(
            "a method of the execution's class, not of its interface",
            "<bpmn:serviceTask id=\"cascade\" camunda:expression=\"${execution.deleteCascade('gone')}\" />",
            "cascade",
            "deleteCascade"),
        attack(
            "a member named by a computed string",
            "<bpmn:serviceTask id=\"computed\" camunda:expression=\"${execution['process'.concat('EngineServices')]}\" />",
            "computed",
            "[ ]"),
        attack(
            "a member read through a string key",
            "<bpmn:serviceTask id=\"keyed\" camunda:expression=\"${execution['processEngine']}\" />",
            "keyed",
            "processEngine"),
        attack(
            "the class of a variable",
            "<bpmn:serviceTask id=\"variableClass\" camunda:expression=\"${execution.getVariable('x').class.classLoader}\" />",
            "variableClass",
            "class"),
        attack(
            "Spring's environment, with the database password",
            "<bpmn:serviceTask id=\"env\" camunda:expression=\"${environment.getProperty('DB_PASSWORD')}\" camunda:resultVariable=\"password\" />",
            "env",
            "environment"),
        attack(
            "the identity vault",
            "<bpmn:serviceTask id=\"vault\" camunda:expression=\"${identityVault}\" />",
            "vault",
            "identityVault"),
        attack(
            "an unknown function",
            "<bpmn:serviceTask id=\"function\" camunda:expression=\"${fn:exec('rm')}\" />",
            "function",
            "fn:exec"),
        attack(
            "a Groovy script task",
            """
            <bpmn:scriptTask id="groovy" scriptFormat="groovy">
              <bpmn:script>'touch %s'.execute()</bpmn:script></bpmn:scriptTask>"""
                .formatted(WITNESS),
            "groovy",
            "スクリプト"),
        attack(
            "a JavaScript execution listener",
            """
            <bpmn:task id="listened"><bpmn:extensionElements>
              <camunda:executionListener event="start">
                <camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime()</camunda:script>
              </camunda:executionListener></bpmn:extensionElements></bpmn:task>""",
            "listened",
            "javascript"),
        attack(
            "a Java class named by the model",
            "<bpmn:serviceTask id=\"klass\" camunda:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior\" />",
            "klass",
            "camunda:class"),
        attack(
            "a script loaded from a resource",
            """
            <bpmn:task id="resource"><bpmn:extensionElements>
              <camunda:executionListener event="start">
                <camunda:script scriptFormat="groovy" resource="classpath://evil.groovy" />
              </camunda:executionListener></bpmn:extensionElements></bpmn:task>""",
            "resource",
            "camunda:resource"),
        attack(
            "an input mapping that reaches a service",
            """
            <bpmn:task id="mapping"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="all">${runtimeService.createProcessInstanceQuery().list()}</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>""",
            "mapping",
            "runtimeService"),
        attack(
            "a task listener that reaches the engine through the task",
            """
            <bpmn:userTask id="listenedTask"><bpmn:extensionElements>
              <camunda:taskListener event="create" expression="${task.execution.processEngine.identityService}" />
            </bpmn:extensionElements></bpmn:userTask>""",
            "listenedTask",
            "processEngine"));
  }

  static Arguments attack(String name, String element, String elementId, String named) {
    return Arguments.of(name, element, elementId, named);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void aModelThatCouldRunCodeIsRefusedAtDeployment(
      String attack, String element, String elementId, String named) {
    HttpResponse<String> response =
        attacker.deploy("modeller", deploymentName, "attack.bpmn", process(element));

    assertRefusedEchoing(response, 400, QUOTED_EXPRESSION, "配備できません", elementId, named);
  }

  @Test
  void aConditionInAScriptLanguageIsRefused() {
    String model =
        """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="attack" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="scripted" sourceRef="start" targetRef="end">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">
                'touch %s'.execute() != null</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>"""
            .formatted(WITNESS);

    assertRefused(
        attacker.deploy("modeller", deploymentName, "attack.bpmn", model),
        400,
        "scripted",
        "groovy");
  }

  @Test
  void aModelThatCannotBeReadIsRefusedSayingSo() {
    long deployments = repositoryService.createDeploymentQuery().count();
    for (String file : List.of("broken.bpmn", "broken.dmn")) {
      assertRefused(
          attacker.deploy("modeller", deploymentName, file, "<definitions>garbage"),
          400,
          "モデルを読み込めません");
    }
    assertRefused(
        attacker.deploy(
            "modeller",
            deploymentName,
            "broken.dmn",
            "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\""
                + " name=\"d\" namespace=\"t\"><decision id=\"x\"><decisionTable"
                + " id=\"t\"><output id=\"o\" typeRef=\"nosuchtype\"/></decisionTable></decision>"
                + "</definitions>"),
        400,
        "モデルを読み込めません");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aDecisionTableInJuelIsRefused() {
    String table =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
          <decision id="attackDecision" name="attack">
            <decisionTable id="table">
              <input id="in"><inputExpression id="inExpression" typeRef="string" expressionLanguage="juel">
                <text>${identityService.createMembership('modeller', 'camunda-admin')}</text>
              </inputExpression></input>
              <output id="out" name="result" typeRef="string" />
              <rule id="rule"><inputEntry id="ie"><text>-</text></inputEntry>
                <outputEntry id="oe"><text>"x"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>""";

    assertRefused(
        attacker.deploy("modeller", deploymentName, "attack.dmn", table),
        400,
        "inExpression",
        "FEEL");
    assertThat(
            repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("attackDecision")
                .count())
        .isZero();
  }

  @Test
  void aDecisionTableNamingThePersonIsRefused() {
    String table = table("personName", "\"（\" + phone + \"）\"");

    assertRefused(
        attacker.deploy("modeller", deploymentName, "attack.dmn", table),
        400,
        "inExpression",
        "personName",
        "oe",
        "phone");
    assertThat(
            repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("attackDecision")
                .count())
        .isZero();
  }

  /**
   * A modeller adds a field to an intake form and marks it as the person's identity: a model
   * deployed with it, or after it, cannot name it either, in an expression or a decision table.
   */
  @Test
  void aFieldAFormMarksAsIdentityIsNamedByNoModel() {
    String form =
        """
        {"type": "default", "id": "attackIntake", "components": [
          {"type": "textfield", "key": "formerEmployerAddress", "label": "前の勤め先の住所",
           "properties": {"identity": "true"}}]}""";
    String model =
        process(
            """
            <bpmn:task id="copy"><bpmn:extensionElements>
              <camunda:executionListener event="start" expression="${execution.setVariable('triageNote', formerEmployerAddress)}" />
            </bpmn:extensionElements></bpmn:task>""");
    String table = table("formerEmployerAddress", "\"x\"");

    assertRefusedEchoing(
        attacker.deploy(
            "modeller",
            deploymentName,
            java.util.Map.of(
                "attack-intake.form", form, "attack.bpmn", model, "attack.dmn", table)),
        400,
        QUOTED_EXPRESSION,
        "配備できません",
        "「copy」",
        "「inExpression」",
        "本人の情報「formerEmployerAddress」");

    // the form alone first (an administrator's deployment), then a model without it
    String formOnly =
        repositoryService
            .createDeployment()
            .name("attack-form-" + UUID.randomUUID())
            .addString("attack-intake.form", form)
            .deploy()
            .getId();
    try {
      assertRefusedEchoing(
          attacker.deploy("modeller", deploymentName, "attack.bpmn", model),
          400,
          QUOTED_EXPRESSION,
          "「copy」",
          "本人の情報「formerEmployerAddress」");
    } finally {
      repositoryService.deleteDeployment(formOnly);
    }
  }

  /**
   * The engine reads a file as a model by the end of its name, with or without a dot: a file named
   * so that a check looking for ".bpmn" skips it is checked all the same, and a case model (CMMN),
   * which no rule here reads, is not taken at all.
   */
  @Test
  void aModelUnderAnotherFileNameIsCheckedAllTheSame() {
    String copying =
        process(
            """
            <bpmn:task id="copy"><bpmn:extensionElements>
              <camunda:executionListener event="start" expression="${execution.setVariable('triageNote', personName)}" />
            </bpmn:extensionElements></bpmn:task>""");
    assertRefusedEchoing(
        attacker.deploy("modeller", deploymentName, "attackbpmn", copying),
        400,
        QUOTED_EXPRESSION,
        "配備できません",
        "personName");
    assertRefused(
        attacker.deploy(
            "modeller",
            deploymentName,
            "attack.cmmn",
            """
            <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" id="d" targetNamespace="t">
              <case id="attackCase"><casePlanModel id="plan" /></case>
            </definitions>"""),
        400,
        "CMMN");
  }

  /** An identity field nested in another value would reach the case under that value's name. */
  @Test
  void anIdentityFieldNestedInAnotherIsRefused() {
    String form =
        """
        {"type": "default", "id": "attackIntake", "components": [
          {"type": "textfield", "key": "contact.address", "label": "住所",
           "properties": {"identity": "true"}},
          {"type": "group", "path": "family", "label": "家族", "components": [
            {"type": "textfield", "key": "spouseName", "label": "配偶者の名前",
             "properties": {"identity": "true"}}]},
          {"type": "textfield", "key": "execution", "label": "x",
           "properties": {"identity": "true"}}]}""";

    assertRefused(
        attacker.deploy("modeller", deploymentName, "attack-intake.form", form),
        400,
        "配備できません",
        "contact.address",
        "spouseName",
        "（execution）");
  }

  /**
   * Form parts that write markup, load another page or compute a value from any variable, and
   * templates that read more than one allowed name.
   */
  @Test
  void aFormThatWritesMarkupOrComputesAValueIsRefused() {
    String form =
        """
        {"type": "default", "id": "attackForm", "components": [
          {"type": "html", "id": "styled", "text": "", "content": "<style>*{display:none}</style>"},
          {"type": "iframe", "id": "framed", "url": "https://example.invalid", "security": {"allowScripts": true}},
          {"type": "expression", "id": "computed", "key": "triageHint", "expression": "=personName"},
          {"type": "text", "id": "added", "text": "{{ caseNumber + problemDescription }}"},
          {"type": "text", "id": "decoy", "text": "", "content": "{{problemDescription}}"}]}""";

    assertRefused(
        attacker.deploy("modeller", deploymentName, "attack.form", form),
        400,
        "配備できません",
        "「styled」",
        "「framed」",
        "「computed」",
        "「added」",
        "「decoy」");
  }

  /**
   * Past the deployment's check of the file, the engine itself holds what it builds to the same
   * rules: every expression it compiles, and every task it would run. (Here the engine is handed
   * the model directly, as a way around the file check that nobody has found yet would.)
   */
  @Test
  void whatTheEngineBuildsIsCheckedAsWell() {
    var configuration =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration();
    var expressions = configuration.getExpressionManager();
    assertThatThrownBy(() -> expressions.createExpression("${''.getClass()}"))
        .hasMessageContaining("この式は使えません")
        .hasMessageContaining("getClass");
    assertThatThrownBy(() -> expressions.createExpression("${personName}"))
        .hasMessageContaining("本人の情報「personName」");
    assertThat(expressions.createExpression("${registerCase}")).isNotNull();

    String shell =
        process(
            """
            <bpmn:serviceTask id="shell" camunda:type="shell"><bpmn:extensionElements>
              <camunda:field name="command" stringValue="touch" />
              <camunda:field name="arg1" stringValue="%s" />
            </bpmn:extensionElements></bpmn:serviceTask>"""
                .formatted(WITNESS));
    assertThatThrownBy(
            () ->
                configuration
                    .getCommandExecutorTxRequired()
                    .execute(
                        context ->
                            configuration.getDeployers().stream()
                                .filter(
                                    org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer.class
                                        ::isInstance)
                                .map(
                                    org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer.class
                                        ::cast)
                                .findFirst()
                                .orElseThrow()
                                .getBpmnParser()
                                .createParse()
                                .sourceString(shell)
                                .deployment(
                                    new org.camunda.bpm.engine.impl.persistence.entity
                                        .DeploymentEntity())
                                .name("attack.bpmn")
                                .execute()))
        .hasMessageContaining("コマンドやメールやクラスを動かすタスクは使えません");
  }

  @Test
  void anExpressionInAnAdhocQueryIsRefused() {
    HttpResponse<String> response =
        attacker.get(
            "companion",
            "/engine-rest/task?assigneeExpression=%24%7BidentityService.createMembership(%27companion%27%2C%27camunda-admin%27)%7D");

    assertRefused(response, 400);
    assertThat(
            identityService
                .createUserQuery()
                .memberOfGroup("camunda-admin")
                .userId("companion")
                .count())
        .isZero();
  }

  @Test
  void aStoredFilterWithAnExpressionBeyondTheAllowListIsRefused() {
    long filters = filterService.createFilterQuery().count();
    HttpResponse<String> response =
        attacker.post(
            "demo",
            "/engine-rest/filter/create",
            """
            {"resourceType": "Task", "name": "attack",
             "query": {"assigneeExpression": "${%s}"}}"""
                .formatted(EXEC));

    assertRefusedEchoing(response, 400, QUOTED_EXPRESSION, "getClass");
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void aModelThatCallsOnlyWhatModelsMayCallIsDeployed() {
    String allowed =
        """
        <bpmn:serviceTask id="allowed" camunda:delegateExpression="${summariseTriage}" />
        <bpmn:userTask id="review" camunda:candidateGroups="coordinators">
          <bpmn:extensionElements>
            <camunda:taskListener event="create" expression="${task.setPriority(execution.getVariable('taskPriority'))}" />
          </bpmn:extensionElements></bpmn:userTask>""";

    HttpResponse<String> response =
        attacker.deploy("modeller", deploymentName, "attack.bpmn", process(allowed));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    repositoryService.deleteDeployment(
        repositoryService
            .createDeploymentQuery()
            .deploymentName(deploymentName)
            .singleResult()
            .getId());
  }

  @Test
  void aModelDeployedIntoATenantOtherThanTheTrialIsRefused() {
    String harmless = "<bpmn:userTask id=\"review\" camunda:candidateGroups=\"coordinators\" />";
    for (String tenant : new String[] {"xyz", "Trial", "trial2"}) {
      java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
      fields.put("deployment-name", deploymentName);
      fields.put("tenant-id", tenant);
      assertRefused(
          attacker.deploy("modeller", fields, java.util.Map.of("attack.bpmn", process(harmless))),
          400,
          "trial");
    }
    assertThat(
            repositoryService.createDeploymentQuery().tenantIdIn("xyz", "Trial", "trial2").count())
        .isZero();
  }

  /** A process with the element between a start and an end, as Modeler would save it. */
  /** A decision table with one input expression and one output entry, in FEEL. */
  static String table(String input, String output) {
    return """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
          <decision id="attackDecision" name="attack">
            <decisionTable id="table">
              <input id="in" label="in"><inputExpression id="inExpression" typeRef="string">
                <text>%s</text>
              </inputExpression></input>
              <output id="out" name="result" typeRef="string" />
              <rule id="rule"><inputEntry id="ie"><text>-</text></inputEntry>
                <outputEntry id="oe"><text>%s</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>"""
        .formatted(input, output);
  }

  static String process(String element) {
    return """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="attack" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="start" />
            %s
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>"""
        .formatted(element);
  }
}
