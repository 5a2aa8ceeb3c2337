package jp.bansou.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.regex.Pattern;
import jp.bansou.CaseEngineTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A value a caller sent may reach the log inside a message or an exception's message (an id in a
 * path, a name in a body). A line break in it must not start a line of its own there: whoever reads
 * the log would take what follows for an entry the application wrote. Stack traces keep their
 * lines.
 */
@CaseEngineTest
@ExtendWith(OutputCaptureExtension.class)
class LogForgingAttackTest {

  private static final Logger LOG = LoggerFactory.getLogger(LogForgingAttackTest.class);

  /**
   * An entry as the application writes them, at the start of a line: a line as Java reads lines,
   * and as Unicode does (U+2028, U+2029, U+0085).
   */
  private static final Pattern FORGED =
      Pattern.compile("(?m)(?:^|[\u2028\u2029\u0085])2020-01-01T00:00:00\\.000Z +ERROR");

  private static final String FORGERY =
      "abc\r\n2020-01-01T00:00:00.000Z ERROR 1 --- [bansou-case-engine] [main] j.b.Forged : admin"
          + " exported every identity\n2020-01-01T00:00:00.000Z  ERROR 1 --- second"
          // a terminal's escape: clear the line, back to its start, and write over it
          + "\u001b[2K\r2020-01-01T00:00:00.000Z ERROR 1 --- third"
          // the line breaks of Unicode, and the terminal's escape of eight bits
          + "\u20282020-01-01T00:00:00.000Z ERROR 1 --- fourth\u00852020-01-01T00:00:00.000Z ERROR 1"
          + " --- fifth\u009b2K\u20292020-01-01T00:00:00.000Z ERROR 1 --- sixth"
          // text shown right to left from here on, so that what follows reads otherwise
          + "\u202edenifer\u202c"
          // a blank line, then an entry
          + "\n\n2020-01-01T00:00:00.000Z ERROR 1 --- seventh";

  @Autowired TestRestTemplate rest;

  @Test
  void aMessageNameSentToTheRestApiCannotWriteLinesIntoTheLog(CapturedOutput output)
      throws Exception {
    // the engine quotes the name in its exception, and logs that with its trace
    var answer =
        new Attacker(rest.getRootUri())
            .post(
                // an administrator: nobody else sends messages (SubmissionGuard.AROUND_THE_FORM)
                "demo",
                "/engine-rest/message",
                new ObjectMapper().writeValueAsString(Map.of("messageName", FORGERY)));

    assertThat(answer.statusCode()).isBetween(400, 499);
    assertThat(output.getAll()).contains("Cannot correlate message 'abc");
    assertThat(FORGED.matcher(output.getAll()).find()).as(output.getAll()).isFalse();
  }

  @Test
  void aLineBreakInALoggedValueStaysInItsEntry(CapturedOutput output) {
    LOG.warn("A value from a request: {}", FORGERY);

    assertThat(output.getAll())
        .contains("A value from a request: abc")
        .doesNotContain("\u001b[2K", "\u009b", "\u202e");
    assertThat(FORGED.matcher(output.getAll()).find()).as(output.getAll()).isFalse();
  }

  @Test
  void aLineBreakInAnExceptionsMessageStaysInItsLineAndTheTraceKeepsItsLines(
      CapturedOutput output) {
    LOG.warn("A request failed", new IllegalStateException(FORGERY));

    assertThat(output.getAll())
        .contains("java.lang.IllegalStateException: abc")
        // the trace's own lines stay lines
        .containsPattern("(?m)^\tat jp\\.bansou\\.attacks\\.LogForgingAttackTest\\.")
        .doesNotContain("\u001b[2K");
    assertThat(FORGED.matcher(output.getAll()).find()).as(output.getAll()).isFalse();
  }
}
