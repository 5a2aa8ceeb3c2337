package jp.bansou.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A name is found as people write it in Japanese notes: a part with a title (ホアさん, 本日王さん, Ms Hoa),
 * two parts together, all parts in any order, each of the name's forms on its own, in hiragana for
 * katakana, with small kana or without accents — and a word that only contains a part (ホアン, 明日,
 * Linda) or a person kept unnamed (Aさん) is not.
 */
class NameWrittenTest {

  private static void found(String name, String... texts) {
    for (String text : texts) {
      assertThat(WrittenNames.in(name, text)).as(name + " in 「" + text + "」").isTrue();
    }
  }

  private static void notFound(String name, String... texts) {
    for (String text : texts) {
      assertThat(WrittenNames.in(name, text)).as(name + " in 「" + text + "」").isFalse();
    }
  }

  @Test
  void aPartCalledWithATitle() {
    String name = "グエン・ティ・ホア（Nguyen Thi Hoa）";
    found(
        name,
        "ホアさんから電話",
        "ﾎｱさんに連絡",
        "ぐえんさんと入管へ",
        "ホアサン",
        "ホア さま",
        "ホアさーん",
        "ホア先生",
        "グエンさんの件",
        "グェンさんの件",
        "Hoa-san と入管へ",
        "Ms. Hoa said",
        "MR HOA",
        "Dr Hoa",
        "hoa chan",
        "ホアちゃん",
        "ホアちゃーん",
        "ホアチャン",
        "Hoaちゃん",
        "ホアさぁん",
        "ホアくーん",
        "ホア姉さん",
        "ホアたん",
        "ホアーさん");
    notFound(
        name,
        "ホアンさんから電話",
        "ホアの件", // a part alone, without a title or the other parts
        "ボアさん", // another kana, not the same one without its mark
        "Hoang-san said",
        "Mr Hoang",
        "hoa sandwich",
        "terms hoa");
  }

  @Test
  void aPartWithATitleMayBeSomeoneElse() {
    assertThat(WrittenNames.find("王 明", "通訳の王さん")).isEqualTo(WrittenNames.Match.CALLED);
    assertThat(WrittenNames.find("王 明", "王明さん")).isEqualTo(WrittenNames.Match.NAMED);
    assertThat(WrittenNames.find("王 明", "明日")).isEqualTo(WrittenNames.Match.NONE);
  }

  @Test
  void kanjiAndHangulInRunningText() {
    String name = "王 明";
    found(name, "王様に会った", "王氏から", "明さんへ", "通訳の王さんから電話", "王 明", "明と王が");
    // one kanji ends many words and names, or follows お: not taken for the person's
    notFound(name, "明日の予定", "王国", "説明した", "女王様", "説明さんに", "本日王さんから電話");
    notFound("林 美玲", "小林さんに連絡した", "若林さんが同行する");
    found("林 美玲", "林さんに連絡した", "美玲さん", "本日美玲さんから");
    notFound("孫 麗", "お孫さんが来日した");
    // written as one: family and given name are not told apart
    found("王小明", "王小明と面談", "小明さんへ", "明さん", "王さん");
    notFound("王小明", "文明さん");
    found("김민수", "민수 씨", "김민수", "민수님");
    notFound("김민수", "민수");
    found("やまだ はなこ", "今日ははなこさんと");
  }

  @Test
  void eachFormOnItsOwn() {
    String name = "グエン・ティ・ホア（Nguyen Thi Hoa）";
    found(
        name,
        "Nguyen Thi Hoa",
        "Hoa Thi Nguyen",
        "ホア・グエン・ティ",
        "グエンティホア",
        "ティ グエン ホア",
        "Hoa Nguyen"); // two parts together
    // a family name and a part nobody is called by: every Vietnamese woman called Nguyen
    notFound(name, "パーティ グエン ホアン", "Nguyen and Thi", "Nguyen Thi");
    found("王明（Wang Ming）", "王明と面談", "Ming Wang");
    found("ホア（Hoa）", "Hoa と話した");
    notFound("ホア（Hoa）", "Hoang と話した");
    // forms after a slash, or side by side in two writings
    found("グエン・ティ・ホア / Nguyen Thi Hoa", "Nguyen Thi Hoa");
    found("王明 Wang Ming", "Ming Wang", "王明");
    found("Nguyễn Văn Đặng", "dang van nguyen");
  }

  @Test
  void aNoteOnTheNameInItsBracketsIsNoForm() {
    notFound("ホア（仮名）", "本人は仮名で登録している");
    notFound("王明（通称）", "通称で呼ばれている");
    notFound("ホア（あだ名）", "あだ名で呼んでいる");
    notFound("マイ（呼称）", "呼称を確認");
    notFound("金 英子（通名）", "通名で働いている");
    found("ホア（仮名）", "ホアさん");
  }

  @Test
  void aKatakanaNameAfterAParticle() {
    String name = "グエン・ティ・ホア（Nguyen Thi Hoa）";
    found(name, "本人のホアさんは元気そうだった", "今日はグエンさんと入管へ", "昨日、区役所でホアさんと会った");
    found("スギアント", "相談者のスギアントから電話");
  }

  @Test
  void anotherPersonsNameIsNotTheirs() {
    // a katakana title that begins another word, a part that ends another's full name
    notFound("マリア・サントス", "マリア・サンチェスさんが来た", "アナ・サマンサ");
    notFound("ファム・ミン・アン", "ミン・チャンさん（通訳）と打ち合わせ");
    notFound("ホアン・ティ・ラン", "姉のグエン・ティ・ランさんが来日", "教会のシスター・ランさん");
    // parts inside longer words
    notFound("Tran Thi Mai", "Sent the translation by email; this is urgent");
    notFound("ニマル・シルバ", "シルバー人材センターとアニマルセラピー");
    // one kanji each: side by side, not anywhere in the note
    assertThat(WrittenNames.find("王 明", "通訳の王さんによると、明らかに疲れている"))
        .isEqualTo(WrittenNames.Match.CALLED);
  }

  @Test
  void spellingsOfOneName() {
    found("ルーカス・デ・オリベイラ", "オリヴェイラさんの面談", "ルカスさん");
    found("ヴー・ティ・リン（Vu Thi Linh）", "ブーさんの書類");
    found("ティン・ティン・ウー", "ティンティンさんの件");
    found("ゾー・ミン・トゥン（Zaw Min Tun）", "ゾーさんの件");
  }

  @Test
  void twoKanaInHiraganaAreAWordOfTheirOwn() {
    notFound("ミナ・キム", "みなさん、お疲れさまです", "みなさまへ");
    notFound("ファム・タン", "たんさんを飲んだ");
    found("ミナ・キム", "ミナさんへ", "ミナ キム");
  }

  @Test
  void oneKanaIsNoName() {
    // one-letter parts of Vietnamese and Korean names in katakana: in hiragana they are grammar,
    // and one kana with a title names nobody in particular
    notFound("レ・ヴァン・タン（Le Van Thanh）", "今日もお疲れ様でした", "お疲れさまです", "お疲れさん");
    notFound("ノ・ミンジュ", "本人の様子を見に行った", "本人の氏名は本人の情報タブに");
    notFound("イ・ジウン", "痛い様子だった", "お互い様です");
    notFound("グエン・トゥ・ハ", "本人は様子が変だった", "今日はさんざんだった");
    notFound("ゴ・ヴァン・ロン", "ご様子を伺いました");
    found("イ・ジウン", "ジウンさん", "イ・ジウン");
    found("レ・ヴァン・タン（Le Van Thanh）", "タンさんと", "Thanh-san");
  }

  @Test
  void partsNobodyIsCalledBy() {
    String name = "グエン・ティ・ホア（Nguyen Thi Hoa）";
    notFound(name, "ティさん", "Thiさん", "Thi-san");
    notFound("Nguyen Van Hung", "Van さん", "バンさん");
    found("Nguyen Van Hung", "Hung さん");
  }

  @Test
  void invisibleLettersBetweenTheLetters() {
    String name = "グエン・ティ・ホア（Nguyen Thi Hoa）";
    found(name, "ホ\ufe0fアさん", "ホ\u0008アさん", "ホア\u3164さん", "ホア\u2800さん", "ホア\u0000さん");
  }

  @Test
  void partsJoinedInTheStoredName() {
    found("Nguyen-Thi-Hoa", "Hoa-san", "nguyen thi hoa");
    found("ジャン＝ピエール", "ピエールさん");
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
    for (String name : new String[] {"Nguyen Van A", "Tran B 2"}) {
      notFound(name, "A さん", "Aさんの件", "B君", "2さん");
    }
  }

  @Test
  void aNameThatLooksLikeAPatternIsReadAsLetters() {
    found("A.* (x+)+ Bo", "Bo さん");
    notFound("A.* (x+)+ Bo", "AAAA さん", "xxxx さん");
    notFound("\\E)(?<", "a note");
    found("a\\Eb c\\Q", "a\\Eb c\\Q");
  }

  @Test
  void aStoredNameIsReadUpToTheLongestAName() {
    // a value longer than any name (none comes through the intake form) is not searched whole
    notFound("x".repeat(WrittenNames.LONGEST_NAME) + " Hoa", "Hoa さん");
    found("x".repeat(WrittenNames.LONGEST_NAME - 10) + " Hoa", "Hoa さん");
    // and a form's parts up to more than any name has
    notFound("Aa Bb Cc Dd Ee Ff Gg Hh Hoa", "Hoa さん");
    found("Aa Bb Cc Dd Ee Ff Gg Hoa", "Hoa さん");
  }
}
