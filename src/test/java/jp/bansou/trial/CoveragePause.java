package jp.bansou.trial;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;

/**
 * The test coverage recorder finds a model by its key alone, which is ambiguous once trial copies
 * exist; while they do, it records nothing for these keys (the real tests of each process count).
 */
public final class CoveragePause {

  private final DefaultCollector collector;
  private final List<String> before;

  private CoveragePause(DefaultCollector collector, List<String> before) {
    this.collector = collector;
    this.before = before;
  }

  @SuppressWarnings("unchecked")
  public static CoveragePause of(ProcessEngine engine, List<String> keys) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    try {
      for (BpmnParseListener listener : listeners) {
        if (listener instanceof ElementCoverageParseListener coverage) {
          Field state = ElementCoverageParseListener.class.getDeclaredField("coverageState");
          state.setAccessible(true);
          if (state.get(coverage) instanceof DefaultCollector collector) {
            Field excluded =
                DefaultCollector.class.getDeclaredField("excludedProcessDefinitionKeys");
            excluded.setAccessible(true);
            List<String> before = new ArrayList<>((List<String>) excluded.get(collector));
            List<String> all = new ArrayList<>(before);
            all.addAll(keys);
            collector.setExcludedProcessDefinitionKeys(all);
            return new CoveragePause(collector, before);
          }
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return new CoveragePause(null, List.of());
  }

  public void resume() {
    if (collector != null) {
      collector.setExcludedProcessDefinitionKeys(before);
    }
  }
}
