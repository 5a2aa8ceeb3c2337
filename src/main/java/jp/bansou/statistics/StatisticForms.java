package jp.bansou.statistics;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.bansou.engine.FormLearner;
import jp.bansou.forms.FormSchema;
import org.springframework.stereotype.Component;

/**
 * The keys of the Camunda Forms with a statistic question in any version deployed: a task whose
 * form is none of them has no answer to keep, so its completion looks its form up no more (two
 * statements each, for every task of every case, where today only the intake asks such questions).
 */
@Component
public class StatisticForms implements FormLearner {

  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  @Override
  public void learn(byte[] formJson) {
    try {
      FormSchema form = FormSchema.parse(new String(formJson, StandardCharsets.UTF_8));
      if (form.fields().values().stream().anyMatch(FormSchema.FormField::statistic)) {
        keys.add(form.id());
      }
    } catch (RuntimeException notAForm) {
      // the engine refuses it itself
    }
  }

  /** Whether a version of the form with this key may ask a statistic question. */
  public boolean mayAsk(String formKey) {
    return keys.contains(formKey);
  }
}
