package jp.bansou.person;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How people write a person's name in a note, so that a note which names them is found: the name
 * whole, in any of its forms; its parts in another order, or two of them together; or one part
 * called as people call someone (ホアさん, 王様, Ms Hoa, 민수 씨). Texts are compared without width, case,
 * accents or small kana (「ｸﾞｪﾝ」 reads 「グエン」), and hiragana stands for katakana in a part of three
 * kana or more (ぐえん for グエン; two are often a word of their own: みなさん is not ミナさん).
 *
 * <p>What is not found: a part alone without a title (common family names would refuse every note
 * about anyone called Nguyen), a shorter part inside a longer word (ホアン is not ホア, 明日 is not 明),
 * one kanji after another (小林さん is not 林), one kana (お疲れ様 is not レ様), a single Latin letter with a
 * title, which is how people keep someone unnamed (Aさん), a part nobody is called by (Thị, Văn,
 * bin), and a note on the name in its brackets (ホア（仮名）).
 */
final class WrittenNames {

  /**
   * More than any name, in both its writings (two intake fields of 100 and a separator): a longer
   * stored value is read up to here.
   */
  static final int LONGEST_NAME = 256;

  /**
   * More parts than any one form of a name has (Mohammed bin Salman bin Abdulaziz Al Saud has
   * seven): those after are not looked for, so that a stored value of fifty one-letter parts does
   * not cost a note's check hundreds of milliseconds.
   */
  static final int MOST_PARTS = 8;

  /**
   * What a name's brackets may hold besides another form: a note on the name (ホア（仮名）), not a name.
   */
  private static boolean noteOnTheName(String bracketed) {
    return NOT_A_NAME.contains(bracketed) || NAME_WORD.matcher(bracketed).matches();
  }

  /** A Japanese word for a kind of name: あだ名, 通名, 呼称, 旧名. */
  private static final Pattern NAME_WORD = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}]{1,3}[名称]");

  private static final java.util.Set<String> NOT_A_NAME =
      java.util.Set.of(
          "仮名", "仮", "通称", "本名", "旧姓", "愛称", "偽名", "呼び名", "デモ", "alias", "nickname", "pseudonym");

  /**
   * A name's other forms stand in brackets or after a slash: 「グエン・ティ・ホア（Nguyen Thi Hoa）」, 「王明 /
   * Wang Ming」.
   */
  private static final Pattern FORMS = Pattern.compile("[()\\[\\]{}「」『』【】〔〕《》〈〉/|]+");

  /** What separates a name's parts: 「Nguyen Thi Hoa」, 「グエン・ティ・ホア」, 「Jean-Pierre」, 「ジャン＝ピエール」. */
  private static final Pattern PARTS = Pattern.compile("[\\s,、・·\\-‐‑‒–—―−_.'’=]+");

  /** What may stand between two words of a name without making them one: a space, a hyphen. */
  private static final String JOIN = "[\\s\\-‐‑‒–—―−_.・·'’=]*";

  /**
   * Format and control characters (a zero-width space, a backspace) and blank letters (the hangul
   * filler ㅤ, the blank braille cell); not a tab or a line break, which separate words.
   */
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\p{Cf}[\\p{Cc}&&[^\\t\\n\\r]]\\u115f\\u1160\\u3164\\uffa0\\u2800]");

  /**
   * A title after a name: さん, 様, 先生, Hoa-san, 민수 씨 (さーん as it is said, too). Written as {@link
   * #plain} reads a text, small kana large (ちゃん is ちやん there).
   */
  private static final String TITLE_AFTER =
      "(?:"
          + java.util.stream.Stream.of(
                  "さん", "さま", "様", "氏", "ちゃん", "くん", "君", "殿", "先生", "姉さん", "兄さん", "ねえさん", "にいさん",
                  "たん", "씨", "님")
              .map(WrittenNames::plain)
              // さーん, さぁん, ちゃーん: the long vowel as often as it is said, or not at all
              .map(title -> title.replace("ん", "[ーあいうえお]*ん"))
              .collect(Collectors.joining("|"))
          + "|(?:san|sama|chan|kun)(?![a-z]))";

  /**
   * A title in katakana: right after the name, and a word of its own (ホアサン; マリア・サンチェス is not マリアさん,
   * ミン・チャン is not ミンちゃん).
   */
  private static final String KATAKANA_TITLE =
      "(?:サ[ーアイウエオ]*ン|サマ|チヤ[ーアイウエオ]*ン|ク[ーアイウエオ]*ン)(?![\\p{IsKatakana}ー])";

  /** A title before a name: Ms Hoa, Dr. Li. */
  private static final String TITLE_BEFORE = "(?<![a-z])(?:mr|mrs|ms|miss|mx|dr|madam|mme)";

  private WrittenNames() {}

  /** How a text names a person. */
  enum Match {
    /** Not at all. */
    NONE,
    /** By the name, a form of it or its parts. */
    NAMED,
    /**
     * Only as one part with a title (王さん, Ms Hoa): the person, or another called so (the
     * interpreter 王さん).
     */
    CALLED
  }

  /** Whether {@code text} names the person called {@code fullName} (see above). */
  static boolean in(String fullName, String text) {
    return find(fullName, text) != Match.NONE;
  }

  /** How {@code text} names the person called {@code fullName}. */
  static Match find(String fullName, String text) {
    String name = plain(shortened(fullName));
    String written = plain(text);
    String normalised = normalise(text);
    if (normalise(name).length() >= 2 && normalised.contains(normalise(name))) {
      return Match.NAMED;
    }
    List<List<String>> forms = forms(name);
    for (List<String> parts : forms) {
      if (parts.size() == 1
          ? alone(parts.get(0), written, normalised)
          : normalised.contains(normalise(String.join("", parts)))
              || parts.stream().allMatch(part -> partIn(part, written, normalised))
                  && (parts.stream().noneMatch(WrittenNames::oneKanji)
                      || sideBySide(parts, written))
              || twoTogether(parts, written)) {
        return Match.NAMED;
      }
    }
    for (List<String> parts : forms) {
      for (String part : callNames(parts)) {
        if (titled(part, written)) {
          return Match.CALLED;
        }
      }
    }
    return Match.NONE;
  }

  private static String shortened(String name) {
    return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name;
  }

  /**
   * The name's forms, each as its parts: one per bracket or slash, and one per writing system when
   * they stand side by side (「王明 Wang Ming」 is 「王明」 and 「wang ming」). A part without letters (the
   * demo's 「ホア 4」) belongs to the form before it.
   */
  static List<List<String>> forms(String plainName) {
    List<List<String>> forms = new ArrayList<>();
    for (String bracketed : FORMS.split(plainName)) {
      if (noteOnTheName(bracketed.strip())) {
        continue;
      }
      List<String> form = new ArrayList<>();
      Writing writing = null;
      for (String part : PARTS.split(bracketed)) {
        if (part.isEmpty()) {
          continue;
        }
        Writing its = Writing.of(part);
        if (its != null && writing != null && its != writing && !form.isEmpty()) {
          forms.add(form);
          form = new ArrayList<>();
        }
        if (its != null) {
          writing = its;
        }
        form.add(part);
      }
      if (!form.isEmpty()) {
        forms.add(form);
      }
    }
    return forms.stream()
        .map(form -> form.size() > MOST_PARTS ? form.subList(0, MOST_PARTS) : form)
        .toList();
  }

  /** The writing systems whose names are written apart: Latin letters, Japanese, Hangul. */
  enum Writing {
    LATIN,
    JAPANESE,
    HANGUL,
    OTHER;

    /** The writing of the part's first letter; none for a part without letters. */
    static Writing of(String part) {
      return part.codePoints()
          .filter(Character::isLetter)
          .mapToObj(
              letter ->
                  switch (Character.UnicodeScript.of(letter)) {
                    case LATIN -> LATIN;
                    case HAN, HIRAGANA, KATAKANA -> JAPANESE;
                    case HANGUL -> HANGUL;
                    default -> letter == 'ー' ? JAPANESE : OTHER;
                  })
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * A form of one part, alone: kanji or hangul of two or more (王明, 민수) wherever they stand; other
   * letters, three or more, as a word of their own (Hoa, not Hoang).
   */
  private static boolean alone(String part, String written, String normalised) {
    int letters = part.codePointCount(0, part.length());
    Writing writing = Writing.of(part);
    return switch (writing == null ? Writing.OTHER : writing) {
      case HANGUL -> letters >= 2 && normalised.contains(normalise(part));
      case JAPANESE ->
          allHan(part)
              ? letters >= 2 && normalised.contains(normalise(part))
              : letters >= 3 && word(part).matcher(written).find();
      default -> letters >= 3 && word(part).matcher(written).find();
    };
  }

  /**
   * A part in the text: kanji or hangul of two letters or more wherever they stand; any other as a
   * word of its own (tran is not in translation, シルバ not in シルバー).
   */
  private static boolean partIn(String part, String written, String normalised) {
    Writing writing = Writing.of(part);
    return part.codePointCount(0, part.length()) >= 2 && (allHan(part) || writing == Writing.HANGUL)
        ? normalised.contains(normalise(part))
        : word(part).matcher(written).find();
  }

  /**
   * Parts of one kanji are whole words in any text (王, 明らか): the name's parts count only side by
   * side, a particle or a space between (王明, 明と王, 陳 静).
   */
  private static boolean sideBySide(List<String> parts, String written) {
    for (String first : parts) {
      for (String second : parts) {
        if (!first.equals(second)
            && Pattern.compile(letters(first) + "[\\s・、,とや]{0,2}" + letters(second))
                .matcher(written)
                .find()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean oneKanji(String part) {
    return part.codePointCount(0, part.length()) == 1 && allHan(part);
  }

  /** Two parts of a longer name together, in any order: 「Hoa Nguyen」 for Nguyen Thi Hoa. */
  private static boolean twoTogether(List<String> parts, String written) {
    if (parts.size() < 3) {
      return false;
    }
    for (int i = 0; i < parts.size(); i++) {
      for (int j = 0; j < parts.size(); j++) {
        String first = parts.get(i);
        String second = parts.get(j);
        if (i != j
            && Writing.of(first) != null
            && Writing.of(second) != null
            // Nguyen Thi, デ・オリベイラ: a family name and a part nobody is called by
            && !NEVER_CALLED.contains(first)
            && !NEVER_CALLED.contains(second)
            && Pattern.compile(
                    starts(first) + letters(first) + JOIN + letters(second) + ends(second))
                .matcher(written)
                .find()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The parts someone may be called by with a title: every part with letters, but a single Latin
   * letter; and of a kanji or hangul name written as one (王小明, 김민수), its first and last one or two
   * letters, since family and given name are not told apart there.
   */
  private static List<String> callNames(List<String> parts) {
    List<String> names = new ArrayList<>();
    for (String part : parts) {
      int letters = part.codePointCount(0, part.length());
      Writing writing = Writing.of(part);
      if (writing == null
          || letters < 2 && !allHan(part) && writing != Writing.HANGUL
          || NEVER_CALLED.contains(part)) {
        continue;
      }
      names.add(part);
      if (parts.size() == 1
          && letters >= 2
          && letters <= 4
          && (allHan(part) || writing == Writing.HANGUL)) {
        int[] points = part.codePoints().toArray();
        for (int n = 1; n <= Math.min(2, letters - 1); n++) {
          names.add(new String(points, 0, n));
          names.add(new String(points, letters - n, n));
        }
      }
    }
    return names;
  }

  /**
   * Parts of a name nobody is called by (Văn and Thị in Vietnamese names, bin, de, von): with a
   * title they would name anyone (ティさん).
   */
  private static final java.util.Set<String> NEVER_CALLED =
      java.util.Set.of(
          "van", "thi", "バン", "テイ", "デ", "ダ", "ドス", "ダス", "dela", "bin", "binti", "bint", "ibn",
          "de", "da", "del", "della", "dos", "das", "von", "al", "el");

  /**
   * The part called with a title, after it (ホアさん, 李様, Hoa-san) or before it (Ms Hoa). A Latin or
   * katakana part must not end a longer word (Dan-san is not An, ジュリアンさん is not アン), nor may one
   * kanji (小林さん is not 林, 女王様 not 王, お孫さん not 孫); longer kanji, hiragana and hangul stand in
   * running text with no space before them (本日美玲さんから). So 「本日王さんから」 is not found.
   */
  private static boolean titled(String part, String written) {
    Writing writing = Writing.of(part);
    boolean katakana = Character.UnicodeScript.of(part.codePointAt(0)) == KATAKANA;
    String before =
        writing == Writing.LATIN
            ? starts(part)
            : katakana
                // nor end another's name: グエン・ティ・ランさん is not ホアン・ティ・ラン
                ? starts(part) + "(?<![\\p{IsKatakana}ー][\\s・=])"
                // one kanji ends many words and names (小林, 山田, 女王) or follows お (お孫さん)
                : oneKanji(part) ? "(?<![\\p{IsHan}おご])" : "";
    String titled =
        before
            // (a kana's long vowel written or not, ホアーさん: see letters)
            + letters(part)
            + "(?:"
            + JOIN
            + TITLE_AFTER
            + "|"
            + KATAKANA_TITLE
            + ")"
            + "|"
            + TITLE_BEFORE
            + JOIN
            + letters(part)
            + ends(part);
    return Pattern.compile(titled).matcher(written).find();
  }

  private static final Character.UnicodeScript KATAKANA = Character.UnicodeScript.KATAKANA;

  /** The part as a word of its own: not inside a longer run of its script. */
  private static Pattern word(String part) {
    return Pattern.compile(starts(part) + letters(part) + ends(part));
  }

  /** The part's letters, a kana of a longer part as itself in katakana or hiragana (グエン, ぐえん). */
  private static String letters(String part) {
    // two kana in hiragana are often a word of their own (みなさん is not ミナさん, たんさん not
    // タンさん); one kana in hiragana is grammar (お疲れ様 is not レ様)
    boolean inHiraganaToo = part.codePointCount(0, part.length()) >= 3;
    // each kana with its long vowel written or not (ルーカス, ルカス)
    return part.codePoints()
        .filter(letter -> letter != 'ー')
        .mapToObj(
            letter -> {
              if (letter >= 'ァ' && letter <= 'ヶ') {
                return (inHiraganaToo ? "[" + kana(letter, letter - 0x60) + "]" : kana(letter))
                    + "ー*";
              }
              if (letter >= 'ぁ' && letter <= 'ゖ') {
                return (inHiraganaToo ? "[" + kana(letter, letter + 0x60) + "]" : kana(letter))
                    + "ー*";
              }
              return Pattern.quote(Character.toString(letter));
            })
        .collect(Collectors.joining());
  }

  private static String kana(int... letters) {
    return new String(letters, 0, letters.length);
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
    Character.UnicodeScript script = letter == 'ー' ? KATAKANA : Character.UnicodeScript.of(letter);
    return switch (script) {
      case LATIN, COMMON -> "[a-z0-9\\p{IsLatin}]";
      // a katakana name stands after a particle (本人のホアさん): hiragana is another word
      case KATAKANA -> "[\\p{IsKatakana}ー]";
      case HIRAGANA -> "\\p{IsHiragana}";
      case HAN -> "\\p{IsHan}";
      case HANGUL -> "\\p{IsHangul}";
      default -> "\\p{L}";
    };
  }

  private static boolean allHan(String part) {
    return part.codePoints()
        .allMatch(letter -> Character.UnicodeScript.of(letter) == Character.UnicodeScript.HAN);
  }

  /**
   * Without width, case, accents, small kana or invisible characters, but with its spaces: 「Ｎｇｕｙễｎ」
   * reads 「nguyen」, 「Đặng」 「dang」, 「ｸﾞｪﾝ」 「グエン」, 「オリヴェイラ」 「オリベイラ」. Kana keep their voicing marks (ボ
   * is not ホ).
   */
  static String plain(String s) {
    String bare =
        Normalizer.normalize(visible(s), Normalizer.Form.NFKD)
            // marks and variation selectors, but a kana's voicing mark (ボ is not ホ)
            .replaceAll("[\\p{M}&&[^\\u3099\\u309a]]", "");
    String folded = Normalizer.normalize(bare, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    folded
        .codePoints()
        .map(
            letter ->
                letter == 'đ' ? 'd' : letter == 'ヴ' ? 'ブ' : letter == 'ゔ' ? 'ぶ' : large(letter))
        .forEach(out::appendCodePoint);
    // spellings of one name: オリヴェイラ and オリベイラ (ルーカス and ルカス: see letters)
    return out.toString()
        .replace("ブア", "バ")
        .replace("ブイ", "ビ")
        .replace("ブエ", "ベ")
        .replace("ブオ", "ボ");
  }

  /** A small kana as its large one: ァ as ア, ぇ as え (グェン is グエン); not the small tsu. */
  private static int large(int letter) {
    int small = SMALL.indexOf(letter);
    return small >= 0 ? LARGE.charAt(small) : letter;
  }

  private static final String SMALL = "ァィゥェォャュョヮぁぃぅぇぉゃゅょゎ";
  private static final String LARGE = "アイウエオヤユヨワあいうえおやゆよわ";

  /**
   * As {@link #plain}, and without spaces, hyphens, dots or long vowels: 「Nguyễn-Văn」, 「ｎｇｕｙｅｎ ｖａｎ」
   * and 「Ngu\u200byen Van」 all read 「nguyenvan」, 「ルーカス」 reads 「ルカス」.
   */
  static String normalise(String s) {
    return plain(s).replaceAll("[\\s\\-‐‑‒–—―−_.・·'’ー]", "");
  }

  /** Without zero-width and other invisible format characters, which split a word unseen. */
  static String visible(String s) {
    return INVISIBLE.matcher(s).replaceAll("");
  }
}
