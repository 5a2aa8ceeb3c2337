package jp.bansou.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.Optional;
import java.util.Set;
import jp.bansou.engine.Texts;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A refusal for a task that is gone by the time it is answered: the caller lost to whoever finished
 * it (the first of a double press), and is told so, not that they may not do it.
 */
class ApiErrorsTest {

  private static final String DONE = "a1b2c3";
  private static final String THERE = "d4e5f6";

  private final ApiErrors filter =
      new ApiErrors(texts(), Optional::empty, id -> Set.of(THERE).contains(id));

  private static Texts texts() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new Texts(messages);
  }

  private MockHttpServletResponse answer(String method, String taskId, int status)
      throws Exception {
    MockHttpServletRequest request =
        new MockHttpServletRequest(method, "/engine-rest/task/" + taskId + "/submit-form");
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain engine =
        (req, res) -> {
          ((jakarta.servlet.http.HttpServletResponse) res).setStatus(status);
          res.setContentType("application/json");
          res.getWriter()
              .write("{\"type\":\"AuthorizationException\",\"message\":\"not permitted\"}");
        };
    filter.doFilter(request, response, engine);
    return response;
  }

  @Test
  void aRefusalAboutATaskFinishedMeanwhileSaysItIsDone() throws Exception {
    MockHttpServletResponse gone = answer("POST", DONE, 403);
    assertThat(gone.getStatus()).isEqualTo(409);
    assertThat(gone.getContentAsString()).contains("終わって");
  }

  @Test
  void aRefusalAboutATaskStillThereStaysARefusal() throws Exception {
    MockHttpServletResponse refused = answer("POST", THERE, 403);
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("権限").doesNotContain("終わって");
  }
}
