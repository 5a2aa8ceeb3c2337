package jp.bansou.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How many cores this JVM and its PostgreSQL kept busy between two readings: the JVM's CPU time,
 * and the CPU time Linux's {@code /proc} gives for the postmaster and its children (the
 * connections' backends, and what exited children used). Other processes on the machine are not
 * counted. Four threads can go faster than one only by using the cores one thread leaves idle, so
 * the cores one thread keeps busy bound the speed-up this machine can show: {@code cores / busy at
 * one thread}, at the same CPU per lifecycle. Not Linux: not measured (NaN).
 */
final class CpuMeter {

  /** Linux's clock ticks per second in /proc (USER_HZ, 100 on every architecture Java runs on). */
  private static final double TICKS_PER_SECOND = 100;

  private final long postmaster;
  private final double startCpu;
  private final long startNanos = System.nanoTime();
  private final long startCompiling = compilingMillis();
  private final long startCollecting = collectingMillis();

  /** A meter from now on; {@code postmaster} is PostgreSQL's process id. */
  CpuMeter(long postmaster) {
    this.postmaster = postmaster;
    this.startCpu = cpuSeconds(postmaster);
  }

  /**
   * PostgreSQL's process id, from the process id of the connection's backend (its parent), or -1.
   */
  static long postmaster(long backend) {
    long[] stat = stat(backend);
    return stat == null ? -1 : stat[0];
  }

  /** Cores busy on average since this meter was made. */
  double coresBusy() {
    return (cpuSeconds(postmaster) - startCpu) / seconds();
  }

  /**
   * Share of the time since this meter was made that the JIT compilers' threads spent compiling.
   */
  double compiling() {
    return (compilingMillis() - startCompiling) / 1000.0 / seconds();
  }

  /** Share of the time since this meter was made that the garbage collectors took. */
  double collecting() {
    return (collectingMillis() - startCollecting) / 1000.0 / seconds();
  }

  private static long compilingMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }

  private static long collectingMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
        .sum();
  }

  /** Seconds since this meter was made. */
  double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** CPU seconds so far of this JVM and of PostgreSQL (NaN where /proc is not there). */
  private static double cpuSeconds(long postmaster) {
    double jvm =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1e9;
    long[] main = stat(postmaster);
    if (main == null) {
      return Double.NaN;
    }
    // the postmaster's own time and its exited children's, then every child still running
    long ticks = main[1] + main[2];
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      ticks +=
          processes
              .map(p -> p.getFileName().toString())
              .filter(name -> name.chars().allMatch(Character::isDigit))
              .map(name -> stat(Long.parseLong(name)))
              .filter(s -> s != null && s[0] == postmaster)
              .mapToLong(s -> s[1])
              .sum();
    } catch (IOException | RuntimeException notLinux) {
      return Double.NaN;
    }
    return jvm + ticks / TICKS_PER_SECOND;
  }

  /**
   * A process's {@code [parent id, user + system ticks, its waited-for children's ticks]} from
   * {@code /proc/<pid>/stat}; null if it is gone or this is not Linux.
   */
  private static long[] stat(long pid) {
    try {
      String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // after "pid (name) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
      // utime stime cutime cstime …; the name may hold spaces, so count from its closing bracket
      String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return new long[] {
        Long.parseLong(f[1]),
        Long.parseLong(f[11]) + Long.parseLong(f[12]),
        Long.parseLong(f[13]) + Long.parseLong(f[14])
      };
    } catch (IOException | RuntimeException goneOrNotLinux) {
      return null;
    }
  }
}
