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
    List<String> found = fieldsIn(caseNumber, text);
    if (!found.isEmpty()
        && writer != null
        && records.getObject().sightOf(writer, caseNumber) != PersonRecords.Sight.ALL) {
      readLog.recordWritten(
          caseNumber,
          writer,
          texts.get("person.reads.writtenRefused", what, String.join("、", named(found))),
          found);
    }
    return named(found);
  }

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
    List<String> found = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return found;
    }
    Map<String, String> identity = vault.open(caseNumber).orElse(Map.of());
    String normalised = normalise(text);
    String fullName = identity.getOrDefault(PersonFields.NAME, "");
    String name = normalise(fullName);
    if (name.length() >= 2 && normalised.contains(name) || namedIn(fullName, text)) {
      found.add(PersonFields.NAME);
    }
    String phone = digits(identity.getOrDefault(PersonFields.PHONE, ""));
    if (phone.length() >= 6
        && (writesNumber(text, phone)
            // the same number written for abroad: +81 90-1234-5678 for 090-1234-5678
            || phone.startsWith("0") && writesNumber(text, "81" + phone.substring(1)))) {
      found.add(PersonFields.PHONE);
    }
    String email = normalise(identity.getOrDefault(PersonFields.EMAIL, ""));
    int at = email.indexOf('@');
    if (at > 0
        && (normalised.contains(email)
            // written around the @ (taro at example.org, taro(at)example.org)
            || at >= 3
                && normalised.contains(email.substring(0, at))
                && normalised.contains(email.substring(at + 1)))) {
      found.add(PersonFields.EMAIL);
    }
    return found;
  }

  /**
   * The name written another way than whole: each of its forms (the katakana and the Latin one of
   * 「グエン・ティ・ホア（Nguyen Thi Hoa）」 are two), every part of a form in any order (Testa Nguyen Van), or
   * one part called with a title (ホアさん, 李様, Ms Hoa). A part of three letters or more counts
   * wherever it stands; a shorter one (Li, ホア, 李) only as a word of its own — a run of one script,
   * so 「ホアン」 and 「明日」 are not 「ホア」 and 「明」. A single letter with a title is how people keep a
   * person unnamed (Aさん) and does not count.
   */
  static boolean namedIn(String fullName, String text) {
    String written = plain(text);
    String normalised = normalise(text);
    for (String form : FORMS.split(plain(fullName))) {
      List<String> parts =
          java.util.Arrays.stream(PARTS.split(form))
              .map(part -> part.replaceAll("^" + JOIN + "+|" + JOIN + "+$", ""))
              .filter(part -> !part.isEmpty())
              .toList();
      if (parts.size() >= 2
          && (normalised.contains(normalise(form))
              || parts.stream().allMatch(part -> partIn(part, written, normalised)))) {
        return true;
      }
      for (String part : parts) {
        boolean initialOrNumber =
            part.codePointCount(0, part.length()) < 2 && isLatin(part)
                || part.chars().noneMatch(Character::isLetter);
        if (!initialOrNumber && titled(part, written)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A name's other forms stand in brackets: 「グエン・ティ・ホア（Nguyen Thi Hoa）」. */
  private static final Pattern FORMS = Pattern.compile("[()\\[\\]{}「」『』【】〔〕]+");

  /** What separates a name's parts. */
  private static final Pattern PARTS = Pattern.compile("[\\s,、・·]+");

  /** What may stand inside or after a part without making it another word: Nguyen-Van, Hoa-san. */
  private static final String JOIN = "[\\s\\-‐‑‒–—―−_.・·'’]";

  private static boolean partIn(String part, String written, String normalised) {
    String whole = normalise(part);
    return whole.codePointCount(0, whole.length()) >= 3
        ? normalised.contains(whole)
        : Pattern.compile(starts(part) + letters(part) + ends(part)).matcher(written).find();
  }

  /**
   * The part called with a title, after it (ホアさん, 李様, Hoa-san) or before it (Ms Hoa), and not the
   * end or the start of a longer word (ホアンさん).
   */
  private static boolean titled(String part, String written) {
    String titled =
        starts(part)
            + letters(part)
            + JOIN
            + "*(?:さん|さま|様|氏|ちゃん|くん|君|殿|(?:san|sama|chan|kun)(?![a-z]))"
            + "|(?<![a-z])(?:mr|mrs|ms|miss|mx)"
            + JOIN
            + "*"
            + letters(part)
            + ends(part);
    return Pattern.compile(titled).matcher(written).find();
  }

  /** The part's letters, with anything that may join them between its pieces (jean-pierre). */
  private static String letters(String part) {
    return java.util.Arrays.stream(part.split(JOIN + "+"))
        .filter(piece -> !piece.isEmpty())
        .map(Pattern::quote)
        .collect(java.util.stream.Collectors.joining(JOIN + "*"));
  }

  /** Not inside a longer run of the script the part starts with. */
  private static String starts(String part) {
    return "(?<!" + script(part.codePointAt(0)) + ")";
  }

  /** Not followed by more letters of the script the part ends with. */
  private static String ends(String part) {
    return "(?!" + script(part.codePointBefore(part.length())) + ")";
  }

  /** The letters of one script, as a character class: what one word of that script is made of. */
  private static String script(int letter) {
    Character.UnicodeScript script =
        letter == 'ー' ? Character.UnicodeScript.KATAKANA : Character.UnicodeScript.of(letter);
    return switch (script) {
      case LATIN, COMMON -> "[a-z0-9\\p{IsLatin}]";
      case KATAKANA -> "[\\p{IsKatakana}ー]";
      case HIRAGANA -> "\\p{IsHiragana}";
      case HAN -> "\\p{IsHan}";
      case HANGUL -> "\\p{IsHangul}";
      default -> "\\p{L}";
    };
  }

  private static boolean isLatin(String part) {
    return part.codePoints()
        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
  }

  /**
   * Without width, case, accents or invisible characters, but with its spaces: 「Ｎｇｕｙễｎ」 reads
   * 「nguyen」.
   */
  private static String plain(String s) {
    String bare = Normalizer.normalize(visible(s), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return Normalizer.normalize(bare, Normalizer.Form.NFKC).toLowerCase();
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

  /**
   * Compared without width, case, accents, spaces, hyphens, dots or invisible characters:
   * 「Nguyễn-Văn」, 「ｎｇｕｙｅｎ ｖａｎ」 and 「Ngu\u200byen Van」 all read 「nguyenvan」.
   */
  private static String normalise(String s) {
    return plain(s).replaceAll("[\\s\\-‐‑‒–—―−_.・·'’]", "");
  }

  /** Without zero-width and other invisible format characters, which split a word unseen. */
  private static String visible(String s) {
    return s.replaceAll("\\p{Cf}", "");
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
    String t = Normalizer.normalize(arabic(visible(text)), Normalizer.Form.NFKC);
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
