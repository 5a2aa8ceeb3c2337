package jp.bansou.engine;

import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;

/**
 * What the engine makes of a deployed resource, by the end of its name exactly as the engine's own
 * deployers tell (with or without a dot before it: a resource named {@code attackbpmn} is a process
 * model too). Every check of a deployment asks here, so that no file the engine runs is skipped by
 * a check that looks for {@code .bpmn}.
 */
public final class ResourceKinds {

  private ResourceKinds() {}

  public static boolean isBpmn(String resourceName) {
    return endsWithAny(resourceName, BpmnDeployer.BPMN_RESOURCE_SUFFIXES);
  }

  public static boolean isDmn(String resourceName) {
    return endsWithAny(resourceName, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES);
  }

  public static boolean isCmmn(String resourceName) {
    return endsWithAny(resourceName, CmmnDeployer.CMMN_RESOURCE_SUFFIXES);
  }

  public static boolean isForm(String resourceName) {
    return endsWithAny(resourceName, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES);
  }

  private static boolean endsWithAny(String name, String[] suffixes) {
    if (name == null) {
      return false;
    }
    for (String suffix : suffixes) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
