package jp.bansou;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;

/** What Tasklist submits for a checklist, tag list or multi-select: a JSON array. */
public final class FormJson {

  private FormJson() {}

  public static TypedValue list(Collection<?> values) {
    return SpinValues.jsonValue(Spin.JSON(new ArrayList<>(values))).create();
  }

  public static TypedValue list(String... values) {
    return list(List.of(values));
  }
}
