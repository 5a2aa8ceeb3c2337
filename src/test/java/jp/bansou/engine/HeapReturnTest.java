package jp.bansou.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import com.sun.management.VMOption.Origin;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class HeapReturnTest {

  /** The JVM's options as a map, refusing what HotSpot refuses: a minimum above the maximum. */
  static final class FakeVm implements HotSpotDiagnosticMXBean {
    final Map<String, VMOption> options = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();

    FakeVm(boolean g1) {
      put("UseG1GC", String.valueOf(g1), Origin.ERGONOMIC);
      put("MinHeapFreeRatio", "40", Origin.DEFAULT);
      put("MaxHeapFreeRatio", "70", Origin.DEFAULT);
      put("G1PeriodicGCInterval", "0", Origin.DEFAULT);
    }

    void put(String name, String value, Origin origin) {
      options.put(name, new VMOption(name, value, true, origin));
    }

    @Override
    public VMOption getVMOption(String name) {
      return options.get(name);
    }

    @Override
    public void setVMOption(String name, String value) {
      calls.add(name + "=" + value);
      int min = Integer.parseInt(options.get("MinHeapFreeRatio").getValue());
      int max = Integer.parseInt(options.get("MaxHeapFreeRatio").getValue());
      int v = name.endsWith("HeapFreeRatio") ? Integer.parseInt(value) : 0;
      if (name.equals("MinHeapFreeRatio") && v > max
          || name.equals("MaxHeapFreeRatio") && v < min) {
        throw new IllegalArgumentException(name + " out of range");
      }
      put(name, value, Origin.MANAGEMENT);
    }

    @Override
    public void dumpHeap(String outputFile, boolean live) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<VMOption> getDiagnosticOptions() {
      return List.copyOf(options.values());
    }

    @Override
    public ObjectName getObjectName() {
      return null;
    }
  }

  @Test
  void onG1WithItsDefaultsTheHeapKeepsAtMostThirtyPerCentFreeAndIsCollectedWhenIdle() {
    FakeVm vm = new FakeVm(true);

    assertThat(HeapReturn.configure(vm))
        .containsExactly("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval");
    assertThat(vm.calls)
        .containsExactly(
            "MinHeapFreeRatio=10", "MaxHeapFreeRatio=30", "G1PeriodicGCInterval=60000");
  }

  @Test
  void whatTheOperatorGaveStaysAsGiven() {
    FakeVm vm = new FakeVm(true);
    vm.put("MaxHeapFreeRatio", "50", Origin.VM_CREATION);

    assertThat(HeapReturn.configure(vm))
        .containsExactly("MinHeapFreeRatio", "G1PeriodicGCInterval");
    assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("50");
  }

  @Test
  void aMinimumGivenAboveThirtyPerCentKeepsTheMaximumAtItsDefault() {
    FakeVm vm = new FakeVm(true);
    vm.put("MinHeapFreeRatio", "40", Origin.VM_CREATION);

    assertThat(HeapReturn.configure(vm)).containsExactly("G1PeriodicGCInterval");
    assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("70");
  }

  @Test
  void anotherCollectorChosenByTheOperatorIsLeftAlone() {
    FakeVm vm = new FakeVm(false);

    assertThat(HeapReturn.configure(vm)).isEmpty();
    assertThat(vm.calls).isEmpty();
  }

  @Test
  void theRealJvmAcceptsEveryOptionAsManageable() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    for (VMOption setting : HeapReturn.SETTINGS) {
      // a name that is not a manageable option of this JVM would throw here, and configure would
      // then quietly leave the heap as it was
      assertThat(vm.getVMOption(setting.getName()).isWriteable()).as(setting.getName()).isTrue();
    }
  }
}
