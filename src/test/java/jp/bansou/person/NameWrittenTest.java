package jp.bansou.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A name is found as people write it in Japanese notes: a short part (ホア, 李, Li) with a title or
 * beside the other parts, each of the name's forms on its own — and a word that only contains a
 * part (ホアン, 明日, Linda) or a person kept unnamed (Aさん) is not.
 */
class NameWrittenTest {

  private static void found(String name, String... texts) {
    for (String text : texts) {
      assertThat(IdentifierCheck.namedIn(name, text)).as(name + " in 「" + text + "」").isTrue();
    }
  }

  private static void notFound(String name, String... texts) {
    for (String text : texts) {
      assertThat(IdentifierCheck.namedIn(name, text)).as(name + " in 「" + text + "」").isFalse();
    }
  }

  @Test
  void aPartCalledWithATitle() {
    String name = "グエン・ティ・ホア（Nguyen Thi Hoa）";
    found(
        name,
        "ホアさんから電話",
        "ﾎｱさんに連絡",
        "ホア さま",
        "グエンさんの件",
        "Hoa-san と入管へ",
        "Ms. Hoa said",
        "MR HOA",
        "hoa chan");
    notFound(
        name,
        "ホアンさんから電話",
        "ホアの件", // a part alone, without a title or the other parts
        "Hoang-san said",
        "Mr Hoang",
        "hoa sandwich",
        "terms hoa");
  }

  @Test
  void kanjiWithKanjiTitles() {
    String name = "王 明";
    found(name, "王様に会った", "王氏から", "明さんへ", "王 明", "明と王が");
    notFound(name, "明日の予定", "説明さん", "王国");
  }

  @Test
  void eachFormOnItsOwn() {
    String name = "グエン・ティ・ホア（Nguyen Thi Hoa）";
    found(name, "Nguyen Thi Hoa", "Hoa Thi Nguyen", "ホア・グエン・ティ", "グエンティホア", "ティ グエン ホア");
    notFound(name, "パーティ グエン ホアン", "Nguyen Thi");
  }

  @Test
  void shortPartsOnlyAsWordsOfTheirOwn() {
    found("Li Na", "Li and Na came", "na, li");
    notFound("Li Na", "Linda and Nathan", "national library", "Li came");
    // the demo's people: 「（デモ）ホア 4」
    found("（デモ）ホア 4", "ホア 4 さん 知ってる", "ホアさん");
    notFound("（デモ）ホア 4", "デモの 4 番目", "ホアン 4", "デモ");
  }

  @Test
  void initialsAndNumbersAreNotNames() {
    List<String> names = List.of("Nguyen Van A", "Tran B 2");
    for (String name : names) {
      notFound(name, "A さん", "Aさんの件", "B君", "2さん");
    }
  }

  @Test
  void aNameThatLooksLikeAPatternIsReadAsLetters() {
    found("A.* (x+)+ Bo", "Bo さん");
    notFound("A.* (x+)+ Bo", "AAAA さん", "xxxx さん");
  }
}
