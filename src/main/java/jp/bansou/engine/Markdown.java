package jp.bansou.engine;

/**
 * Text typed by a person, put into a summary that a form shows as markdown (a text component):
 * every character that markdown or HTML would act on is escaped, so a name like {@code
 * [再ログイン](https://…)} or {@code <img …>} shows as the characters typed.
 */
public final class Markdown {

  private static final String SPECIAL = "\\`*_{}[]()#+-.!|<>&~\"'";

  private Markdown() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '\n' || c == '\r') {
        escaped.append(' ');
      } else if (c == '<') {
        escaped.append("&lt;");
      } else if (c == '>') {
        escaped.append("&gt;");
      } else if (c == '&') {
        escaped.append("&amp;");
      } else if (SPECIAL.indexOf(c) >= 0) {
        escaped.append('\\').append(c);
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
