package jp.bansou.person;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Refuses text that would carry a person's identifiers where they must not go: a policy
 * description, a lesson, a note in a form. It compares against the case's sealed identity, ignoring
 * width, case and spaces, and names what was found so the writer can remove it.
 */
@Component
public class IdentifierCheck {

  private final IdentityVault vault;
  private final Texts texts;
  private final ObjectProvider<PersonRecords> records;
  private final ReadLog readLog;

  public IdentifierCheck(
      IdentityVault vault, Texts texts, ObjectProvider<PersonRecords> records, ReadLog readLog) {
    this.vault = vault;
    this.texts = texts;
    this.records = records;
    this.readLog = readLog;
  }

  /**
   * What of the person's identity {@code writer} wrote, named for people, to refuse it. A refusal
   * tells the writer their guess was right: when they may not see the person (a companion only
   * offered the case), it goes into the case's reads with {@code what} (a comment, a form's note),
   * so that its coordinator sees who already knew the person — a volunteer who types the name of
   * someone hiding from violence is the case's warning, not a silent answer.
   */
  public List<String> writtenBy(String writer, String caseNumber, String what, String text) {
    Found found = find(caseNumber, text);
    if (!found.fields().isEmpty()
        && writer != null
        && records.getObject().sightOf(writer, caseNumber) != PersonRecords.Sight.ALL) {
      // a name part with a title (王さん) may be someone else of that name: the line says so
      List<String> said =
          named(found.fields()).stream()
              .map(
                  field ->
                      found.nameOnlyCalled() && field.equals(texts.get("identifier.name"))
                          ? texts.get("identifier.calledName")
                          : field)
              .toList();
      readLog.recordWritten(
          caseNumber,
          writer,
          texts.get("person.reads.writtenRefused", what, String.join("、", said)),
          found.fields());
    }
    return named(found.fields());
  }

  /**
   * The identity's field keys found in a text; and whether the name was found only as one of its
   * parts with a title (ホアさん), which may be another person called so.
   */
  private record Found(List<String> fields, boolean nameOnlyCalled) {}

  /**
   * @param messageKey the refusal's message, with {0} for what was found
   * @throws Refusal when the text contains the person's name, phone or e-mail
   */
  public void refuseIfIdentifying(String caseNumber, String messageKey, String text) {
    List<String> found = identifiersIn(caseNumber, text);
    if (!found.isEmpty()) {
      throw new Refusal(texts.get(messageKey, String.join("、", found)));
    }
  }

  /** What of the person's identity the text contains, named for people (名前, 電話番号 …). */
  public List<String> identifiersIn(String caseNumber, String text) {
    return named(fieldsIn(caseNumber, text));
  }

  /** The same as the identity's field keys ({@link PersonFields}). */
  public List<String> fieldsIn(String caseNumber, String text) {
    return find(caseNumber, text).fields();
  }

  private Found find(String caseNumber, String text) {
    List<String> found = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new Found(found, false);
    }
    Map<String, String> identity = vault.open(caseNumber).orElse(Map.of());
    String normalised = WrittenNames.normalise(text);
    // the name in each writing, as forms of one name: 「レ・ヴァン・タン / Le Van Thanh」
    String latin = identity.getOrDefault(PersonFields.NAME_LATIN, "");
    WrittenNames.Match name =
        WrittenNames.find(
            identity.getOrDefault(PersonFields.NAME, "") + (latin.isBlank() ? "" : " / " + latin),
            text);
    if (name != WrittenNames.Match.NONE) {
      found.add(PersonFields.NAME);
    }
    String phone = digits(identity.getOrDefault(PersonFields.PHONE, ""));
    if (phone.length() >= 6
        && (writesNumber(text, phone)
            // the same number written for abroad: +81 90-1234-5678 for 090-1234-5678
            || phone.startsWith("0") && writesNumber(text, "81" + phone.substring(1)))) {
      found.add(PersonFields.PHONE);
    }
    String email = WrittenNames.normalise(identity.getOrDefault(PersonFields.EMAIL, ""));
    int at = email.indexOf('@');
    if (at > 0
        && (normalised.contains(email)
            // written around the @ (taro at example.org, taro(at)example.org)
            || at >= 3
                && normalised.contains(email.substring(0, at))
                && normalised.contains(email.substring(at + 1)))) {
      found.add(PersonFields.EMAIL);
    }
    return new Found(found, name == WrittenNames.Match.CALLED);
  }

  /**
   * What to write instead, when the name was found (people write 「ホアさん」 in a note without thinking
   * of it as the name): a sentence to put in the refusal, or nothing.
   */
  public String insteadOf(List<String> named) {
    return named.contains(texts.get("identifier.name")) ? texts.get("identifier.nameHint") : "";
  }

  /** Field keys as people call them: 名前, 電話番号, メールアドレス. */
  public List<String> named(List<String> fields) {
    return fields.stream()
        .map(
            field ->
                switch (field) {
                  case PersonFields.NAME -> texts.get("identifier.name");
                  case PersonFields.PHONE -> texts.get("identifier.phone");
                  default -> texts.get("identifier.email");
                })
        .toList();
  }

  /** Kanji numerals read as digits (〇九〇 for 090). */
  private static String arabic(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      int digit = "〇一二三四五六七八九".indexOf(c);
      out.append(digit >= 0 ? (char) ('0' + digit) : c == '零' ? '0' : c);
    }
    return out.toString();
  }

  /** What may stand between the parts of one phone number: spaces, hyphens, brackets, dots. */
  private static final Pattern JOINS = Pattern.compile("[\\s\\-‐‑‒–—―−ー().・/、,_+]{1,3}");

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  /**
   * The text writes this number: one run of digits, or runs joined only by what separates the parts
   * of a phone number (090-1234-5678, (090) 1234 5678, ０９０１２３４５６７８), equal to it. A number inside a
   * longer run of digits is another number: so one text cannot test many guesses at once by running
   * them together.
   */
  static boolean writesNumber(String text, String number) {
    String t = Normalizer.normalize(arabic(WrittenNames.visible(text)), Normalizer.Form.NFKC);
    List<String> runs = new ArrayList<>();
    List<Boolean> joined = new ArrayList<>();
    Matcher m = DIGITS.matcher(t);
    int end = -1;
    while (m.find()) {
      runs.add(m.group());
      joined.add(end >= 0 && JOINS.matcher(t.substring(end, m.start())).matches());
      end = m.end();
    }
    for (int i = 0; i < runs.size(); i++) {
      StringBuilder written = new StringBuilder(runs.get(i));
      for (int j = i + 1;
          written.length() < number.length() && j < runs.size() && joined.get(j);
          j++) {
        written.append(runs.get(j));
      }
      if (written.toString().equals(number)) {
        return true;
      }
    }
    return false;
  }

  private static String digits(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\D", "");
  }
}
