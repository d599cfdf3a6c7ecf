package io.shardway.bench.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot spots in a JFR recording of the proxy: which methods the CPU samples land in (self time),
 * which Shardway methods are nearest the top of the sampled stacks, which threads are sampled, and
 * where memory is allocated. The same numbers {@code jfr print --events jdk.ExecutionSample} gives,
 * counted.
 */
final class JfrHotFrames {
  private static final String SHARDWAY_PACKAGE = "io.shardway.";

  private JfrHotFrames() {}

  /**
   * A markdown section with the top {@code limit} rows of each table, from the events between
   * {@code from} and {@code to} (the measured rounds: not start-up, not warm-up).
   */
  static String summarize(Path recording, Instant from, Instant to, int limit) throws IOException {
    List<RecordedEvent> events =
        RecordingFile.readAllEvents(recording).stream()
            .filter(e -> !e.getStartTime().isBefore(from) && !e.getStartTime().isAfter(to))
            .toList();
    Map<String, Long> selfFrames = new HashMap<>();
    Map<String, Long> shardwayFrames = new HashMap<>();
    Map<String, Long> threads = new HashMap<>();
    Map<String, Long> allocations = new HashMap<>();
    long samples = 0;
    long allocated = 0;
    for (RecordedEvent event : events) {
      String type = event.getEventType().getName();
      if (type.equals("jdk.ExecutionSample")) {
        samples++;
        count(selfFrames, frame(event.getStackTrace(), f -> true), 1);
        count(shardwayFrames, frame(event.getStackTrace(), JfrHotFrames::isShardway), 1);
        count(threads, threadGroup(event), 1);
      } else if (type.equals("jdk.ObjectAllocationSample")) {
        long weight = event.getLong("weight");
        allocated += weight;
        count(allocations, frame(event.getStackTrace(), f -> true), weight);
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("JFR ").append(recording.getFileName()).append(": ").append(samples);
    out.append(" CPU samples (jdk.ExecutionSample, threads running Java code) in the measured")
        .append(" rounds; time in the kernel and in native code is not sampled\n\n");
    table(out, "Top frames (self)", selfFrames, samples, limit);
    table(out, "Nearest Shardway frame on each sampled stack", shardwayFrames, samples, limit);
    table(out, "Sampled threads (digits folded)", threads, samples, limit);
    table(
        out,
        "Allocation (jdk.ObjectAllocationSample weight) by top frame",
        allocations,
        allocated,
        limit);
    return out.toString();
  }

  private static boolean isShardway(RecordedFrame frame) {
    return frame.getMethod().getType().getName().startsWith(SHARDWAY_PACKAGE);
  }

  private static String frame(RecordedStackTrace stack, Function<RecordedFrame, Boolean> wanted) {
    if (stack == null) {
      return "(no stack)";
    }
    for (RecordedFrame frame : stack.getFrames()) {
      if (frame.isJavaFrame() && wanted.apply(frame)) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
      }
    }
    return "(none)";
  }

  private static String threadGroup(RecordedEvent event) {
    var thread = event.getThread("sampledThread");
    String name = thread == null ? "(unknown)" : thread.getJavaName();
    return name == null ? "(native)" : name.replaceAll("\\d+", "N");
  }

  private static void count(Map<String, Long> counts, String key, long weight) {
    counts.merge(key, weight, Long::sum);
  }

  private static void table(
      StringBuilder out, String title, Map<String, Long> counts, long total, int limit) {
    out.append("| ").append(title).append(" | share |\n|---|---:|\n");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .forEach(
            entry ->
                out.append("| `")
                    .append(entry.getKey())
                    .append("` | ")
                    .append(String.format("%.1f%%", 100.0 * entry.getValue() / Math.max(1, total)))
                    .append(" |\n"));
    out.append('\n');
  }
}
