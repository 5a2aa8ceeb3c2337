package jp.bansou.config;

import java.io.IOException;
import java.io.Writer;
import jp.bansou.api.ApiError;
import jp.bansou.engine.Texts;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before any filter of ours runs (an escaped slash, a broken escape, a
 * header it cannot read): the same Japanese JSON as every other refusal, not its English HTML page.
 * Tomcat uses the host's error report valve for these; this one replaces it.
 */
@Component
public class JapaneseErrorReport
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final Texts texts;

  public JapaneseErrorReport(Texts texts) {
    this.texts = texts;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
            host.getPipeline().addValve(new Valve(texts));
          }
        });
  }

  static final class Valve extends ErrorReportValve {

    private static final org.slf4j.Logger LOG =
        org.slf4j.LoggerFactory.getLogger(JapaneseErrorReport.class);

    private final Texts texts;

    Valve(Texts texts) {
      this.texts = texts;
      setShowReport(false);
      setShowServerInfo(false);
    }

    /** A failure of the server: a reference the person can quote, the same one in the log. */
    private String server(int status) {
      String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
      LOG.warn("Tomcat answered {} ({}) before the application", status, reference);
      return texts.get("api.error.server", reference);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String message =
          switch (status) {
            case 400 -> texts.get("request.refused.path");
            case 401 -> texts.get("api.error.login");
            case 403 -> texts.get("api.error.forbidden");
            case 404 -> texts.get("api.error.notFound");
            case 413 -> texts.get("form.refused.tooLarge", 256);
            default -> status < 500 ? texts.get("api.error.badRequest") : server(status);
          };
      try {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(ApiError.failure(message).toJson());
        }
      } catch (IOException | IllegalStateException ignored) {
        // the connection is gone: nothing to answer
      }
    }
  }
}
