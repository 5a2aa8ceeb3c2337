package jp.bansou.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.util.HtmlUtils;

/**
 * The body of every refusal of our own API: a Japanese message a person can act on. {@code type} is
 * {@code refused} when the person can change something and try again, {@code error} when the
 * failure is ours; {@link ApiErrors} leaves such bodies as they are.
 *
 * <p>The message is HTML-escaped ({@link #text}): Tasklist and Cockpit show a refusal's message as
 * HTML in their notifications, and a message may quote what was sent (a case number typed, a
 * variable searched for), which a link to a Tasklist search could fill with markup.
 */
public record ApiError(String type, String message) {

  public ApiError {
    message = text(message);
  }

  /** The message as a notification that renders HTML shows it as typed: {@code <>&"'} escaped. */
  public static String text(String message) {
    return message == null ? null : HtmlUtils.htmlEscape(message, "UTF-8");
  }

  public ApiError(String message) {
    this("refused", message);
  }

  /** A failure, or a wait, that the person cannot change by correcting what they sent. */
  public static ApiError failure(String message) {
    return new ApiError("error", message);
  }

  /** Answers with this body, from a filter (where no controller advice applies). */
  public void send(HttpServletResponse response, int status) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(this));
  }

  /** The body as JSON text. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
}
