package jp.bansou.person;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import jp.bansou.casefile.Intake;

/**
 * A fictional person whose every identifier is a string that occurs nowhere else, so that a test
 * can look for it in every table, log line, mail and export.
 */
public record Markers(
    String name,
    String nameLatin,
    String phone,
    String email,
    String birthDate,
    String municipality,
    String contactNote,
    String problemDescription) {

  public static Markers fresh() {
    String tag = "Mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Random random = new Random();
    return new Markers(
        tag + "Name",
        tag + "Latin",
        String.format("070-%04d-%04d", random.nextInt(10000), random.nextInt(10000)),
        tag.toLowerCase() + "@example.invalid",
        String.format("1912-%02d-%02d", 1 + random.nextInt(12), 10 + random.nextInt(18)),
        tag + "市",
        tag + "Contact 夜だけ電話できる",
        tag + "Story 給料が払われていない");
  }

  public Intake intake() {
    return Intake.person()
        .with("personName", name)
        .with("personNameLatin", nameLatin)
        .with("phone", phone)
        .with("email", email)
        .with("birthDate", birthDate)
        .with("municipality", municipality)
        .with("contactNote", contactNote)
        .with("problemDescription", problemDescription);
  }

  /** Every marker as it could stand in plaintext, the phone also as digits only. */
  public List<String> all() {
    return List.of(
        name,
        nameLatin,
        phone,
        phone.replace("-", ""),
        email,
        birthDate,
        municipality,
        contactNote.substring(0, 18),
        problemDescription.substring(0, 16));
  }
}
