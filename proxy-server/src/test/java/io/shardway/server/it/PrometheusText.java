package io.shardway.server.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of one scrape in the Prometheus text format, looked up by name and labels. */
final class PrometheusText {
  private static final Pattern SAMPLE =
      Pattern.compile("(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(?<labels>.*)})? (?<value>\\S+)");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples = new ArrayList<>();

  PrometheusText(String text) {
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new IllegalArgumentException("not a sample: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group("labels") != null) {
        Matcher label = LABEL.matcher(sample.group("labels"));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(
          new Sample(sample.group("name"), labels, Double.parseDouble(sample.group("value"))));
    }
  }

  /**
   * The value of the sample {@code name} whose labels are exactly {@code labels} (name, value,
   * name, value...), or null when the scrape has none.
   */
  Double value(String name, String... labels) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    for (Sample sample : samples) {
      if (sample.name().equals(name) && sample.labels().equals(wanted)) {
        return sample.value();
      }
    }
    return null;
  }

  /** The sum of every sample named {@code name}, whatever its labels. */
  double sum(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).sum();
  }
}
