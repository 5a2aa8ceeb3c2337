package jp.bansou.modelsafety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text component of a Camunda Form is markdown: whatever it templates becomes links and images in
 * the companion's browser. It may therefore show only values that cannot carry markup — texts our
 * own code composes from reference lists and escapes, case numbers, codes, ids and numbers the form
 * checks — and never what a person typed. A typed value belongs in a read-only field, which shows
 * it as the characters typed.
 */
public final class FormTextPolicy {

  /** The variables a text component may show. */
  public static final Set<String> SHOWN_AS_TEXT =
      Set.of(
          // composed by our code from reference lists, with any typed part escaped
          "caseOverview",
          "urgencyLabel",
          "triageSummary",
          "possibleDuplicateSummary",
          "candidateSummary",
          "interpretationSummary",
          "evidenceSummary",
          "agendaSummary",
          "courseProgress",
          "feeSummary",
          "interpreterSummary",
          "legalAidRoute",
          "eligibilitySummary",
          "visitCheckSummary",
          "visitRecord",
          // numbers, codes and ids given by the engine or checked against their form
          "caseNumber",
          "caseToErase",
          "requestedBy",
          "reportedMonth",
          "companionId",
          "interpreterId",
          "interpretationMode",
          "hoursSpent",
          "companionFeeYen",
          "interpreterHours",
          "interpreterFeeYen");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*\\}\\}");
  private static final Pattern NAME = Pattern.compile("[#/]?\\s*(?:if|unless|each|with)?\\s*(.*)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private FormTextPolicy() {}

  /** What is wrong with the form's text components, in Japanese; empty when it may be deployed. */
  public static List<String> problems(String resource, byte[] form) {
    JsonNode root;
    try {
      root = JSON.readTree(form);
    } catch (IOException notJson) {
      return List.of(resource + "：フォームとして読めません（JSON ではありません）");
    }
    List<String> problems = new java.util.ArrayList<>();
    walk(resource, root, problems);
    return problems;
  }

  private static void walk(String resource, JsonNode node, List<String> problems) {
    if (node == null || !node.isObject()) {
      return;
    }
    if ("text".equals(node.path("type").asText()) || "html".equals(node.path("type").asText())) {
      String id = node.path("id").asText("?");
      String text = node.path("text").asText(node.path("content").asText(""));
      if (text.strip().startsWith("=")) {
        problems.add(resource + " の「" + id + "」：文章に FEEL の式（=…）は使えません。{{変数}} で書いてください");
      }
      Matcher template = TEMPLATE.matcher(text);
      while (template.find()) {
        String inner = template.group(1);
        if (inner.startsWith("/") || inner.equals("else")) {
          continue;
        }
        Matcher name = NAME.matcher(inner);
        String variable = name.matches() ? name.group(1).split("[.\\s\\[]", 2)[0] : inner;
        if (!SHOWN_AS_TEXT.contains(variable)) {
          problems.add(
              resource
                  + " の「"
                  + id
                  + "」：文章に {{"
                  + inner
                  + "}} は入れられません（人が入力した値はリンクや画像になりえます）。読み取り専用の入力欄で見せてください");
        }
      }
    }
    for (JsonNode child : node.path("components")) {
      walk(resource, child, problems);
    }
  }
}
