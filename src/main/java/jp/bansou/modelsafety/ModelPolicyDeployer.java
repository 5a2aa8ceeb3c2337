package jp.bansou.modelsafety;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.bansou.engine.ResourceKinds;
import jp.bansou.engine.Trial;
import jp.bansou.person.IdentityFields;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Refuses, before anything of it is stored, a deployment whose models could run code: a script (a
 * script task, a {@code camunda:script}, a {@code camunda:class}), an expression that reaches
 * beyond what {@link ExpressionPolicy} allows, a decision table in a language other than FEEL, or a
 * form whose text would show a typed value as markup ({@link FormTextPolicy}). The caller gets a
 * 400 whose message names each element and expression.
 */
public class ModelPolicyDeployer implements Deployer {

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** Elements and attributes that name code to run. */
  static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");

  static final Set<String> CODE_ATTRIBUTES =
      Set.of("class", "resource", "formHandlerClass", "variableMappingClass");

  /**
   * The namespace the engine still reads as its own ({@code activiti:class} is {@code
   * camunda:class} to it): nothing in it is taken, so that no rule here is passed by writing it.
   */
  static final String ACTIVITI = "http://activiti.org/bpmn";

  /** A condition or script in a script language (e.g. {@code language="juel"}) runs code. */
  static final Set<String> SCRIPT_LANGUAGE_ATTRIBUTES = Set.of("language", "scriptFormat");

  static final Set<String> FEEL =
      Set.of(
          "feel",
          "FEEL",
          "https://www.omg.org/spec/DMN/20191111/FEEL/",
          "http://www.omg.org/spec/FEEL/20140401");

  /** The person's identity as a name in a FEEL text (not part of a longer name). */
  static Pattern identityInFeel(Set<String> identity) {
    return Pattern.compile(
        "(?<![\\w.])("
            + identity.stream().map(Pattern::quote).collect(Collectors.joining("|"))
            + ")(?![\\w])");
  }

  /** A FEEL string literal ("address-confidentiality" names no variable). */
  static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  private final ExpressionPolicy expressions;

  public ModelPolicyDeployer(ExpressionPolicy expressions) {
    this.expressions = expressions;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    String tenant = deployment.getTenantId();
    if (tenant != null && !Trial.is(tenant)) {
      // nobody belongs to another tenant: what is deployed there no one sees, and none runs it
      throw new NotValidException(
          "このテナント ID には配備できません。本番に配備するときは Tenant ID を空のままに、試すときは trial と書いてください（README の「試す」）。");
    }
    List<String> problems = new ArrayList<>();
    // the identity fields known from earlier deployments, and those the forms deployed with these
    // models mark: a model deployed with its intake form cannot name the form's identity fields
    Set<String> identity = expressions.identity();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (ResourceKinds.isForm(resource.getName())) {
        identity.addAll(IdentityFields.marked(resource.getBytes()));
      }
    }
    Check check = new Check(identity, identityInFeel(identity));
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (ResourceKinds.isBpmn(name)) {
        check(name, root(resource), problems, false, check);
      } else if (ResourceKinds.isDmn(name)) {
        check(name, root(resource), problems, true, check);
      } else if (ResourceKinds.isForm(name)) {
        problems.addAll(FormTextPolicy.problems(name, resource.getBytes()));
        problems.addAll(IdentityFields.problems(name, resource.getBytes()));
      } else if (ResourceKinds.isCmmn(name)) {
        // the engine would run a case model's listeners and expressions unchecked by these rules
        problems.add(name + "：CMMN のモデルは使えません（手順は BPMN で書いてください）");
      }
    }
    if (!problems.isEmpty()) {
      throw new NotValidException(
          "このモデルは配備できません（コードを実行したり、入力をリンクや画像にしたりする書き方は使えません）：\n- "
              + String.join("\n- ", problems)
              + "\nモデルから呼べるのは、変数、execution・task、モデル用の Bean（README の「モデルから呼べるもの」）だけです。");
    }
  }

  /** The identity fields of this deployment, as names and as a pattern for FEEL texts. */
  private record Check(Set<String> identity, Pattern feel) {}

  private void check(
      String resource, Element root, List<String> problems, boolean decision, Check check) {
    if (root == null) {
      return; // not XML: the engine's own parser refuses it with its message
    }
    walk(resource, root, null, problems, decision, check);
  }

  private void walk(
      String resource,
      Element element,
      String id,
      List<String> problems,
      boolean decision,
      Check check) {
    String own = element.getAttribute("id");
    String where =
        resource + " の「" + (own.isEmpty() ? (id == null ? element.getLocalName() : id) : own) + "」";
    if (!own.isEmpty()) {
      id = own;
    }
    String local = element.getLocalName();
    if (ACTIVITI.equals(element.getNamespaceURI())) {
      problems.add(where + "：activiti: の書き方（" + local + "）は使えません。camunda: で書いてください");
    }
    if (!decision && SCRIPT_ELEMENTS.contains(local)) {
      problems.add(where + "：スクリプト（" + local + "）は使えません");
    }
    if (!decision && local.equals("formData") && CAMUNDA.equals(element.getNamespaceURI())) {
      problems.add(
          where
              + "：camunda:formData は使えません（フォームは Camunda Forms の .form を camunda:formRef で指定してください）");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (ACTIVITI.equals(attribute.getNamespaceURI())) {
        problems.add(where + "：activiti: の書き方（" + attributeName + "）は使えません。camunda: で書いてください");
      }
      if (decision) {
        if (attributeName.equals("expressionLanguage") && !FEEL.contains(attribute.getValue())) {
          problems.add(where + "：判断表の式は FEEL だけが使えます（" + attribute.getValue() + "）");
        }
        continue;
      }
      boolean camunda =
          CAMUNDA.equals(attribute.getNamespaceURI())
              || (attribute.getNamespaceURI() == null && CAMUNDA.equals(element.getNamespaceURI()));
      if (camunda && CODE_ATTRIBUTES.contains(attributeName)) {
        problems.add(where + "：camunda:" + attributeName + " は使えません");
      }
      if (camunda && attributeName.equals("type") && !"external".equals(attribute.getValue())) {
        // the engine's own task types run a shell command or send mail from the server
        problems.add(
            where + "：camunda:type=\"" + attribute.getValue() + "\" は使えません（使えるのは external だけです）");
      }
      if (camunda && attributeName.equals("formKey")) {
        // an embedded form (HTML) runs its own script in the browser of whoever opens the task
        problems.add(
            where
                + "：camunda:formKey は使えません（フォームは Camunda Forms の .form を camunda:formRef で指定してください）");
      }
      if (SCRIPT_LANGUAGE_ATTRIBUTES.contains(attributeName)) {
        problems.add(where + "：スクリプトの言語（" + attribute.getValue() + "）は使えません");
      }
      expressionProblems(where, attribute.getValue(), problems, check);
    }
    // the element's text as the engine reads it: its text and CDATA pieces joined, whatever
    // comments or child elements stand between them ("$<!-- -->{…}" is one expression to it)
    StringBuilder joined = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        joined.append(child.getNodeValue());
      }
    }
    String text = joined.toString();
    if (!text.isBlank()) {
      if (!decision) {
        expressionProblems(where, text, problems, check);
      } else if (local.equals("text")) {
        // a table's FEEL input or output naming the person's identity would copy it into the
        // decision's result, a variable and the decision history
        Matcher named = check.feel().matcher(FEEL_STRING.matcher(text).replaceAll("\"\""));
        while (named.find()) {
          problems.add(where + "：本人の情報「" + named.group() + "」は判断表で使えません（本人の情報は「本人の情報」タブにだけ置かれます）");
        }
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(resource, childElement, id, problems, decision, check);
      }
    }
  }

  private void expressionProblems(String where, String text, List<String> problems, Check check) {
    List<String> found = expressions.problems(text, check.identity());
    if (!found.isEmpty()) {
      problems.add(where + " の式 " + shorten(text) + "：" + String.join("、", found));
    }
  }

  private static String shorten(String text) {
    String one = text.strip().replaceAll("\\s+", " ");
    return "「" + (one.length() > 120 ? one.substring(0, 120) + "…" : one) + "」";
  }

  private static Element root(ResourceEntity resource) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(new ByteArrayInputStream(resource.getBytes())).getDocumentElement();
    } catch (Exception notXml) {
      return null;
    }
  }
}
