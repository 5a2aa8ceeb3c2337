package jp.bansou.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The custom properties a modeller gives an element in Camunda Modeler (<i>Extension properties</i>
 * → {@code camunda:property}): how a model tells the application what Java must not decide, such as
 * a case stage or a task that is not mailed.
 */
public final class ModelProperties {

  private ModelProperties() {}

  /** Every custom property of the element, in the model's order; none when it has none. */
  public static List<CamundaProperty> of(BaseElement element) {
    if (element == null || element.getExtensionElements() == null) {
      return List.of();
    }
    return element
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(CamundaProperties.class)
        .list()
        .stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .toList();
  }

  /** The value of the element's first custom property of that name. */
  public static Optional<String> value(BaseElement element, String name) {
    return of(element).stream()
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }
}
