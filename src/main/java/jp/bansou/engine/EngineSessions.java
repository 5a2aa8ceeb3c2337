package jp.bansou.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * One of the engine's managers (its data access per command) replaced by a subclass of ours, from a
 * plugin's {@code preInit}: registered after the engine's own factory for the same type, so it
 * replaces that one.
 */
public final class EngineSessions {

  private EngineSessions() {}

  public static <T extends Session> void replace(
      ProcessEngineConfigurationImpl configuration, Class<? super T> type, Supplier<T> session) {
    List<SessionFactory> factories =
        configuration.getCustomSessionFactories() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return type;
          }

          @Override
          public Session openSession() {
            return session.get();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }
}
