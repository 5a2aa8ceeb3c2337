package jp.bansou.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The person's name, phone and e-mail are found however a note writes them: for abroad, in kanji
 * numerals, with other separators, with invisible characters between the letters, without accents,
 * in another order; and a text that only resembles them is not refused.
 */
@CaseEngineTest
class IdentifierVariantsTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentifierCheck check;

  String caseNumber;

  @BeforeEach
  void aPerson() {
    caseNumber =
        CaseDriver.start(
                engine,
                Intake.person()
                    .with("personName", "Nguyễn Văn Testa")
                    .with("phone", "090-3141-5926")
                    .with("email", "testa.nguyen@example.org"))
            .getBusinessKey();
  }

  @Test
  void thePhoneWrittenAnyWay() {
    for (String text :
        List.of(
            "090-3141-5926",
            "+81 90-3141-5926",
            "+81-90-3141-5926",
            "81 90 3141 5926",
            "090、3141、5926",
            "090_3141_5926",
            "〇九〇-三一四一-五九二六",
            "090\u200b3141\u200b5926",
            "０９０ー３１４１ー５９２６",
            "電話は 09011112222, 09031415926 です")) {
      assertThat(check.fieldsIn(caseNumber, text)).as(text).containsExactly(PersonFields.PHONE);
    }
    for (String text : List.of("1090314159260", "09031415927", "3141-5926")) {
      assertThat(check.fieldsIn(caseNumber, text)).as(text).isEmpty();
    }
  }

  @Test
  void theNameAndEmailWrittenAnyWay() {
    for (String text :
        List.of(
            "Nguyen-Van-Testa さん",
            "nguyen van testa",
            "Testa Nguyen Van",
            "Testa さんの件",
            "グエン・ヴァン・テスタ の件は Ms. Testa に",
            "NGUY\u200bEN VAN TESTA",
            "Nguyễn Văn Testa")) {
      assertThat(check.fieldsIn(caseNumber, text)).as(text).contains(PersonFields.NAME);
    }
    for (String text :
        List.of(
            "testa.nguyen@example.org",
            "testa.nguyen at example.org",
            "testa.nguyen（at）example.org")) {
      assertThat(check.fieldsIn(caseNumber, text)).as(text).contains(PersonFields.EMAIL);
    }
    for (String text : List.of("Testarossa さんの件", "A さんの件", "van で送迎", "example.org の窓口")) {
      assertThat(check.fieldsIn(caseNumber, text)).as(text).isEmpty();
    }
  }

  @Test
  void theNameInLatinLettersBesideTheKatakana() {
    String katakanaAndLatin =
        CaseDriver.start(
                engine,
                Intake.person()
                    .with("personName", "レ・ヴァン・タン")
                    .with("personNameLatin", "Le Van Thanh"))
            .getBusinessKey();
    for (String text : List.of("Thanh-san called", "Ms Thanh", "le van thanh", "タンさんと")) {
      assertThat(check.fieldsIn(katakanaAndLatin, text)).as(text).contains(PersonFields.NAME);
    }
    assertThat(check.fieldsIn(katakanaAndLatin, "Van さん、Le Havre")).isEmpty();
  }
}
