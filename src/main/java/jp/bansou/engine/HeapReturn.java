package jp.bansou.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets the JVM's default collector give memory back to the system, for a plain {@code java -jar}
 * (issue 21, resident memory after start). On a machine with a few gigabytes G1 may grow the heap
 * to a quarter of them, and after a full collection keeps up to 70 % of the heap free and
 * committed: start-up's garbage then stays resident (about 400 MB committed for 110 MB alive). With
 * at most 30 % kept free, the collection at the end of start-up hands the rest back; and when the
 * system has been idle for a minute (a support group's evening, a night) G1 collects once and hands
 * back what the day's work grew. Only G1's three manageable options are changed, only where they
 * still have their defaults: options an operator gives (the README's {@code -XX:+UseSerialGC
 * -Xmx384m}, any {@code -XX:MaxHeapFreeRatio}) stay as given.
 */
final class HeapReturn {

  /** The options in the order they can be set (the minimum may not exceed the maximum). */
  static final List<VMOption> SETTINGS =
      List.of(
          new VMOption("MinHeapFreeRatio", "10", true, VMOption.Origin.OTHER),
          new VMOption("MaxHeapFreeRatio", "30", true, VMOption.Origin.OTHER),
          new VMOption("G1PeriodicGCInterval", "60000", true, VMOption.Origin.OTHER));

  private HeapReturn() {}

  /** Sets what is still at its default when the collector is G1; returns the names it set. */
  static List<String> configure(HotSpotDiagnosticMXBean vm) {
    List<String> set = new ArrayList<>();
    if (!"true".equals(vm.getVMOption("UseG1GC").getValue())) {
      return set;
    }
    for (VMOption setting : SETTINGS) {
      VMOption current = vm.getVMOption(setting.getName());
      if (current.getOrigin() == VMOption.Origin.DEFAULT && current.isWriteable()) {
        try {
          vm.setVMOption(setting.getName(), setting.getValue());
          set.add(setting.getName());
        } catch (IllegalArgumentException refused) {
          // another option given on the command line forbids this value (e.g. a minimum above
          // 30 %): the operator's choice stands
        }
      }
    }
    return set;
  }
}
