package jp.bansou.modelsafety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.bansou.engine.ResourceKinds;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Trial;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A deployment is whole or refused: every form, decision and called process a model in it names
 * ({@code camunda:formRef}, {@code camunda:decisionRef}, {@code calledElement}) must be in the
 * deployment itself or already deployed — in the deployment itself when the model binds it with
 * {@code deployment}. Camunda Modeler deploys the open diagram alone; with the {@code latest}
 * binding every model uses, that diagram finds the forms and tables already there, and a table
 * deployed alone takes effect for the next case. What would not resolve is refused with a 400 that
 * names the files to add. References written as expressions ({@code ${track}}) are checked when
 * they run.
 */
public class ReferenceCheckDeployer implements Deployer {

  static final String CAMUNDA = ModelPolicyDeployer.CAMUNDA;
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<Texts> texts;

  /** {@code texts}: the application's texts, looked up when a deployment is checked. */
  public ReferenceCheckDeployer(Supplier<Texts> texts) {
    this.texts = texts;
  }

  private String text(String key, Object... args) {
    return texts.get().get(key, args);
  }

  /** A reference from a model to a form, decision or process. */
  record Reference(String resource, String element, Kind kind, String key, String binding) {}

  enum Kind {
    FORM("forms/", ".form"),
    DECISION("processes/", ".dmn"),
    PROCESS("processes/", ".bpmn");

    final String folder;
    final String extension;

    Kind(String folder, String extension) {
      this.folder = folder;
      this.extension = extension;
    }
  }

  /** What a deployment brings: the form ids, decision ids and executable process ids in it. */
  public record Contents(Set<String> forms, Set<String> decisions, Set<String> processes) {

    /** What one model or form file defines. */
    public static Contents of(String name, byte[] bytes) {
      Contents contents = new Contents(new HashSet<>(), new HashSet<>(), new HashSet<>());
      read(name, bytes, contents, new ArrayList<>());
      return contents;
    }

    Set<String> of(Kind kind) {
      return switch (kind) {
        case FORM -> forms;
        case DECISION -> decisions;
        case PROCESS -> processes;
      };
    }
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Contents contents = new Contents(new HashSet<>(), new HashSet<>(), new HashSet<>());
    List<Reference> references = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      read(resource.getName(), resource.getBytes(), contents, references);
    }
    CommandContext context = Context.getCommandContext();
    List<String> problems =
        problems(
            contents,
            references,
            (kind, key) ->
                context != null && deployed(context, kind, key, deployment.getTenantId()));
    if (!problems.isEmpty()) {
      throw new NotValidException(
          text("deployment.refused.incomplete", "\n- " + String.join("\n- ", problems)));
    }
  }

  /** The references that resolve neither in the deployment nor among what is deployed. */
  List<String> problems(Contents contents, List<Reference> references, Deployed deployed) {
    List<String> problems = new ArrayList<>();
    for (Reference reference : references) {
      if (contents.of(reference.kind()).contains(reference.key())) {
        continue;
      }
      String file = reference.kind().folder + reference.key() + reference.kind().extension;
      if ("deployment".equals(reference.binding())) {
        problems.add(
            text(
                "deployment.refused.sameDeployment",
                reference.resource(),
                reference.element(),
                kindName(reference.kind()),
                reference.key(),
                file));
      } else if (!deployed.test(reference.kind(), reference.key())) {
        problems.add(
            text(
                "deployment.refused.missing",
                reference.resource(),
                reference.element(),
                kindName(reference.kind()),
                reference.key(),
                file));
      }
    }
    return problems;
  }

  private String kindName(Kind kind) {
    return text("deployment.kind." + kind.name().toLowerCase());
  }

  /** Whether the engine already has a definition of this key. */
  interface Deployed {
    boolean test(Kind kind, String key);
  }

  /**
   * Whether the engine already has a definition of this key where a deployment of this tenant finds
   * it: a live deployment among the live definitions only, a trial deployment ({@link Trial}) among
   * the trial ones or else the live ones.
   */
  static boolean deployed(CommandContext context, Kind kind, String key, String tenant) {
    return (Trial.is(tenant) && deployedIn(context, kind, key, Trial.TENANT))
        || deployedIn(context, kind, key, null);
  }

  private static boolean deployedIn(CommandContext context, Kind kind, String key, String tenant) {
    return switch (kind) {
      case FORM ->
          context
                  .getCamundaFormDefinitionManager()
                  .findLatestDefinitionByKeyAndTenantId(key, tenant)
              != null;
      case DECISION ->
          context.getDecisionDefinitionManager().findLatestDefinitionByKeyAndTenantId(key, tenant)
              != null;
      case PROCESS ->
          context.getProcessDefinitionManager().findLatestDefinitionByKeyAndTenantId(key, tenant)
              != null;
    };
  }

  /** Reads what a resource brings and what it refers to. */
  static void read(String name, byte[] bytes, Contents contents, List<Reference> references) {
    if (ResourceKinds.isForm(name)) {
      try {
        JsonNode id = JSON.readTree(bytes).get("id");
        if (id != null && id.isTextual()) {
          contents.forms().add(id.asText());
        }
      } catch (IOException notJson) {
        // the engine's own form deployer refuses it
      }
      return;
    }
    boolean bpmn = ResourceKinds.isBpmn(name);
    boolean dmn = ResourceKinds.isDmn(name);
    if (!bpmn && !dmn) {
      return;
    }
    Element root = root(bytes);
    if (root == null) {
      return;
    }
    walk(name, root, dmn, contents, references);
  }

  private static void walk(
      String name, Element element, boolean dmn, Contents contents, List<Reference> references) {
    String local = element.getLocalName();
    String id = element.getAttribute("id");
    if (dmn && "decision".equals(local) && !id.isEmpty()) {
      contents.decisions().add(id);
    }
    if (!dmn) {
      if ("process".equals(local)
          && BPMN.equals(element.getNamespaceURI())
          && !"false".equals(element.getAttribute("isExecutable"))) {
        contents.processes().add(id);
      }
      String where = id.isEmpty() ? local : id;
      reference(name, where, element, CAMUNDA, "formRef", Kind.FORM, references);
      reference(name, where, element, CAMUNDA, "decisionRef", Kind.DECISION, references);
      if ("callActivity".equals(local)) {
        String called = element.getAttribute("calledElement");
        if (!called.isBlank() && !isExpression(called)) {
          references.add(
              new Reference(
                  name,
                  where,
                  Kind.PROCESS,
                  called.strip(),
                  element.getAttributeNS(CAMUNDA, "calledElementBinding")));
        }
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(name, childElement, dmn, contents, references);
      }
    }
  }

  private static void reference(
      String name,
      String where,
      Element element,
      String namespace,
      String attribute,
      Kind kind,
      List<Reference> references) {
    String key = element.getAttributeNS(namespace, attribute);
    if (key.isBlank() || isExpression(key)) {
      return;
    }
    references.add(
        new Reference(
            name,
            where,
            kind,
            key.strip(),
            element.getAttributeNS(namespace, attribute + "Binding")));
  }

  static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static Element root(byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(bytes))
          .getDocumentElement();
    } catch (Exception notXml) {
      return null;
    }
  }
}
