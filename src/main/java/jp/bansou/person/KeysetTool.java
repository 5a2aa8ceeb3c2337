package jp.bansou.person;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar bansou-case-engine.jar keys new} prints a fresh key document for {@code
 * BANSOU_IDENTITY_KEYS}; {@code keys rotate} reads the current one on standard input and prints it
 * with a new primary key added. Nothing else is started.
 */
public final class KeysetTool {

  private KeysetTool() {}

  public static void main(String[] args) throws IOException {
    String command = args.length == 0 ? "" : args[0];
    switch (command) {
      case "new" -> System.out.println(IdentityKeys.generate().document());
      case "rotate" ->
          System.out.println(
              IdentityKeys.parse(new String(System.in.readAllBytes(), StandardCharsets.UTF_8))
                  .rotated()
                  .document());
      default -> {
        System.err.println("usage: keys new | keys rotate < current-keys.json");
        System.exit(2);
      }
    }
  }
}
