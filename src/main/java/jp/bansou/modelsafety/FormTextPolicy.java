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
          "caseToEraseLabel",
          // numbers, codes and ids given by the engine or checked against their form
          "caseNumber",
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

  /** A template that shows one variable, or opens a block on one: nothing else is read. */
  private static final Pattern NAME =
      Pattern.compile("(?:#(?:if|unless|each|with)\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

  /**
   * Components that are not taken at all: {@code html} writes markup and styles into the page, an
   * {@code iframe} loads another page into the form, an {@code expression} field computes a value
   * (from any variable) and sends it with the form. None of our forms needs them.
   */
  static final Set<String> REFUSED_TYPES = Set.of("html", "iframe", "expression");

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
    String type = node.path("type").asText();
    String id = node.path("id").asText(node.path("key").asText("?"));
    if (REFUSED_TYPES.contains(type)) {
      problems.add(resource + " の「" + id + "」：この種類の部品（" + type + "）は使えません");
    }
    if ("text".equals(type)) {
      // what form-js shows: the text, or the content where a version reads that
      String text = node.path("text").asText("") + "\n" + node.path("content").asText("");
      if (node.path("text").asText("").strip().startsWith("=")
          || node.path("content").asText("").strip().startsWith("=")) {
        problems.add(resource + " の「" + id + "」：文章に FEEL の式（=…）は使えません。{{変数}} で書いてください");
      }
      Matcher template = TEMPLATE.matcher(text);
      while (template.find()) {
        String inner = template.group(1);
        if (inner.matches("/\\s*(?:if|unless|each|with)") || inner.equals("else")) {
          continue;
        }
        Matcher name = NAME.matcher(inner);
        if (!name.matches() || !SHOWN_AS_TEXT.contains(name.group(1))) {
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
