package jp.bansou.forms;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.bansou.forms.FormSchema.FormField;
import jp.bansou.reference.ReferenceData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The options of a question as the live form offers them: the newest version of the form deployed
 * for real cases (not a trial), whoever deployed it. Read from the engine's tables directly, so
 * that anyone who may see a list (a companion on the lessons page) reads it without a permission on
 * deployments; each form version is parsed once.
 */
@Component
public class LiveFormOptions implements ReferenceData.LiveOptions {

  private final JdbcTemplate jdbc;
  private final Map<String, FormSchema> parsed = new ConcurrentHashMap<>();

  public LiveFormOptions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Map<String, String>> options(String formKey, String fieldKey) {
    return newestInThisRequest(formKey)
        .flatMap(form -> form.field(fieldKey))
        .map(FormField::optionLabels)
        .filter(options -> !options.isEmpty());
  }

  /**
   * Looked up once per web request (a dashboard or an export names many rows), and on every call
   * outside one (a step of a case, which names one or two).
   */
  @SuppressWarnings("unchecked")
  private Optional<FormSchema> newestInThisRequest(String formKey) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return newest(formKey);
    }
    String name = LiveFormOptions.class.getName() + "." + formKey;
    Object known = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    if (known != null) {
      return (Optional<FormSchema>) known;
    }
    Optional<FormSchema> form = newest(formKey);
    request.setAttribute(name, form, RequestAttributes.SCOPE_REQUEST);
    return form;
  }

  private Optional<FormSchema> newest(String formKey) {
    return jdbc.query(
        "select d.ID_, b.BYTES_ from ACT_RE_CAMFORMDEF d join ACT_GE_BYTEARRAY b"
            + " on b.DEPLOYMENT_ID_ = d.DEPLOYMENT_ID_ and b.NAME_ = d.RESOURCE_NAME_"
            + " where d.KEY_ = ? and d.TENANT_ID_ is null order by d.VERSION_ desc",
        rs -> {
          if (!rs.next()) {
            return Optional.<FormSchema>empty();
          }
          String id = rs.getString(1);
          byte[] bytes = rs.getBytes(2);
          return Optional.of(
              parsed.computeIfAbsent(
                  id, i -> FormSchema.parse(new String(bytes, StandardCharsets.UTF_8))));
        },
        formKey);
  }
}
