package jp.bansou.modelsafety;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * First in every expression's resolver chain: whatever a model (even one deployed before these
 * rules) or a stored filter asks, reflection, class loaders and the engine's inner objects are
 * refused while the expression runs.
 */
class GuardResolver extends ELResolver {

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
    check(base, method);
    return null;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    check(base, property);
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    check(base, property);
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    check(base, property);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    check(base, property);
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }

  private static void check(Object base, Object member) {
    if (base == null) {
      return;
    }
    String name = String.valueOf(member);
    if (ExpressionPolicy.FORBIDDEN_MEMBERS.contains(name)
        || dangerous(base)
        || !PublicMembers.allows(base.getClass(), name)) {
      throw new ELException("not allowed in a model's expression: " + member);
    }
  }

  private static boolean dangerous(Object base) {
    String type = base.getClass().getName();
    return base instanceof Class
        || base instanceof ClassLoader
        || base instanceof java.lang.reflect.AccessibleObject
        || base instanceof Runtime
        || base instanceof ProcessBuilder
        || base instanceof javax.sql.DataSource
        || base instanceof org.springframework.context.ApplicationContext
        || base instanceof org.camunda.bpm.engine.ProcessEngine
        || base instanceof org.camunda.bpm.engine.ProcessEngineServices
        || base instanceof org.camunda.bpm.engine.ProcessEngineConfiguration
        || type.startsWith("org.camunda.bpm.engine.impl.cfg.")
        || type.startsWith("org.springframework.jdbc.")
        || (type.startsWith("org.camunda.bpm.engine.impl.") && type.endsWith("ServiceImpl"));
  }
}
