package io.shardway.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of processes and of the whole machine, read from Linux's {@code /proc}: {@code
 * /proc/PID/stat} fields 14 and 15 (utime, stime: all threads, in clock ticks) and the {@code cpu}
 * line of {@code /proc/stat}. Elsewhere every reading is -1 and the report says "n/a".
 */
final class ProcCpu {
  private static final long NANOS_PER_TICK = TimeUnit.SECONDS.toNanos(1) / clockTicksPerSecond();

  private ProcCpu() {}

  /** What a process has used so far; every field -1 if unreadable (no such process, no /proc). */
  record Usage(long userNanos, long systemNanos, long contextSwitches) {
    static final Usage UNKNOWN = new Usage(-1, -1, -1);

    long cpuNanos() {
      return userNanos < 0 ? -1 : userNanos + systemNanos;
    }

    /** This and {@code other} together; unknown if either is. */
    Usage plus(Usage other) {
      if (userNanos < 0 || other.userNanos < 0) {
        return UNKNOWN;
      }
      return new Usage(
          userNanos + other.userNanos,
          systemNanos + other.systemNanos,
          contextSwitches < 0 || other.contextSwitches < 0
              ? -1
              : contextSwitches + other.contextSwitches);
    }

    /** The usage from {@code earlier} to this; unknown if either is. */
    Usage since(Usage earlier) {
      if (userNanos < 0 || earlier.userNanos < 0) {
        return UNKNOWN;
      }
      return new Usage(
          userNanos - earlier.userNanos,
          systemNanos - earlier.systemNanos,
          contextSwitches < 0 || earlier.contextSwitches < 0
              ? -1
              : contextSwitches - earlier.contextSwitches);
    }
  }

  /**
   * What several processes have used together (all the mariadbd of a replicated group); unknown if
   * any is, or if there are none.
   */
  static Usage usage(List<Long> pids) {
    Usage total = pids.isEmpty() ? Usage.UNKNOWN : new Usage(0, 0, 0);
    for (long pid : pids) {
      total = total.plus(usage(pid));
    }
    return total;
  }

  /**
   * The CPU time of all the process's threads (utime and stime, fields 14 and 15 of {@code
   * /proc/PID/stat}) and the context switches of its live threads (voluntary and involuntary, from
   * {@code /proc/PID/task/TID/status}: a thread that exited takes its count with it).
   */
  static Usage usage(long pid) {
    Path process = Path.of("/proc", Long.toString(pid));
    try {
      String stat = Files.readString(process.resolve("stat"));
      // The command name (field 2) is in parentheses and may contain spaces: split after it.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state), so field N is fields[N - 3].
      long user = Long.parseLong(fields[14 - 3]) * NANOS_PER_TICK;
      long system = Long.parseLong(fields[15 - 3]) * NANOS_PER_TICK;
      return new Usage(user, system, contextSwitches(process.resolve("task")));
    } catch (IOException | RuntimeException e) {
      return Usage.UNKNOWN;
    }
  }

  private static long contextSwitches(Path tasks) {
    long total = 0;
    try (var threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        try {
          for (String line : Files.readAllLines(thread.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")
                || line.startsWith("nonvoluntary_ctxt_switches:")) {
              total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        } catch (IOException exited) {
          // The thread ended between the listing and the read.
        }
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The machine's {@code (busy, total)} CPU nanoseconds summed over all cores; busy excludes idle
   * and iowait. Empty if unreadable.
   */
  static Optional<long[]> machineNanos() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
      long[] ticks =
          Arrays.stream(lines.get(0).trim().split("\\s+"))
              .skip(1)
              .mapToLong(Long::parseLong)
              .toArray();
      long total = Arrays.stream(ticks).limit(8).sum(); // guest time is already in user
      long idle = ticks[3] + ticks[4];
      return Optional.of(new long[] {(total - idle) * NANOS_PER_TICK, total * NANOS_PER_TICK});
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The command line of a process, arguments separated by spaces; empty if unreadable. */
  static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ').trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** USER_HZ; 100 on every mainstream Linux, asked of getconf in case it is not. */
  private static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
        return Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
      }
      getconf.destroyForcibly();
    } catch (IOException | RuntimeException e) {
      // Fall through to the usual value.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }
}
