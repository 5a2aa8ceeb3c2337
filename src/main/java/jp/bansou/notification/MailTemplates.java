package jp.bansou.notification;

import java.util.List;

/**
 * The texts of our mails, in Japanese and English. A mail names the task, the case number and the
 * link; it never carries the person's name, contact, address or status.
 */
final class MailTemplates {

  record Mail(String subject, String body) {}

  private MailTemplates() {}

  static boolean english(String language) {
    return "en".equals(language);
  }

  static Mail task(String language, String kind, String taskName, String caseNumber, String link) {
    String onCase = caseNumber == null ? "" : caseNumber;
    if (english(language)) {
      boolean offered = NotificationVariables.OFFERED.equals(kind);
      return new Mail(
          "[Bansou] "
              + (offered ? "A task is offered to you" : "A task is assigned to you")
              + ": "
              + taskName
              + (onCase.isEmpty() ? "" : " (case " + onCase + ")"),
          (offered
                  ? "A task is offered to you. To take it, open it in Tasklist and press \"Claim\".\n\n"
                  : "A task is assigned to you.\n\n")
              + "Task: "
              + taskName
              + "\n"
              + (onCase.isEmpty() ? "" : "Case number: " + onCase + "\n")
              + "Open: "
              + link
              + "\n\n"
              + FOOTER_EN);
    }
    boolean offered = NotificationVariables.OFFERED.equals(kind);
    return new Mail(
        "【伴走支援】"
            + (offered ? "タスクの依頼" : "タスクが届きました")
            + "："
            + taskName
            + (onCase.isEmpty() ? "" : "（ケース " + onCase + "）"),
        (offered
                ? "あなたにタスクの依頼が届きました。引き受ける場合は、Tasklist で開いて「Claim」を押してください。\n\n"
                : "あなたにタスクが割り当てられました。\n\n")
            + "タスク："
            + taskName
            + "\n"
            + (onCase.isEmpty() ? "" : "ケース番号：" + onCase + "\n")
            + "開く："
            + link
            + "\n\n"
            + FOOTER_JA);
  }

  /** One line per open task: name, case number, link. */
  record Line(String taskName, String caseNumber, String link) {}

  static Mail digest(String language, List<Line> lines, String tasklist) {
    StringBuilder list = new StringBuilder();
    for (Line line : lines) {
      list.append("- ").append(line.taskName());
      if (line.caseNumber() != null) {
        list.append(english(language) ? " (case " : "（ケース ")
            .append(line.caseNumber())
            .append(english(language) ? ")" : "）");
      }
      list.append("\n  ").append(line.link()).append("\n");
    }
    if (english(language)) {
      return new Mail(
          "[Bansou] Daily digest: " + lines.size() + " open coordinator tasks",
          "Open tasks for coordinators today: "
              + lines.size()
              + "\n\n"
              + list
              + "\nTasklist: "
              + tasklist
              + "\n\n"
              + FOOTER_EN);
    }
    return new Mail(
        "【伴走支援】毎日のまとめ：コーディネーターの未処理タスク " + lines.size() + "件",
        "きょうのコーディネーターの未処理タスク："
            + lines.size()
            + "件\n\n"
            + list
            + "\nTasklist："
            + tasklist
            + "\n\n"
            + FOOTER_JA);
  }

  static Mail welcome(String language, String userId, String password, String tasklist) {
    if (english(language)) {
      return new Mail(
          "[Bansou] Welcome: your account",
          "Welcome to the companion network. An account was created for you.\n\n"
              + "User name: "
              + userId
              + "\nInitial password: "
              + password
              + "\nTasklist: "
              + tasklist
              + "\n\nPlease change the password after your first login (your name at the top right → Profile).\n\n"
              + FOOTER_EN);
    }
    return new Mail(
        "【伴走支援】ようこそ：アカウントのお知らせ",
        "伴走ネットへようこそ。あなたのアカウントを作りました。\n\n"
            + "ユーザー名："
            + userId
            + "\n最初のパスワード："
            + password
            + "\nTasklist："
            + tasklist
            + "\n\n最初にログインしたら、パスワードを変えてください（右上の名前 → プロフィール）。\n\n"
            + FOOTER_JA);
  }

  static final String FOOTER_JA =
      "このメールには、相談者の名前や連絡先は書かれていません。詳しくは Tasklist でご覧ください。\n" + "伴走支援ケースエンジン（自動送信）";
  static final String FOOTER_EN =
      "This mail never contains the name or contact of the person supported; see Tasklist for details.\n"
          + "Bansou case engine (automatic message)";
}
