package io.shardway.deploy;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The chart in helm/shardway, rendered as release {@value #RELEASE}. */
final class ShardwayChart {

  /** Maven runs the tests in the module's directory. */
  static final Path DIRECTORY = Path.of("..", "helm", "shardway");

  static final Path EXAMPLES = Path.of("..", "examples", "kubernetes");

  static final String RELEASE = "orders";

  /** The objects' names, "RELEASE-shardway". */
  static final String FULLNAME = RELEASE + "-shardway";

  private ShardwayChart() {}

  /** Renders the chart in {@code mode} with {@code values}, each {@code KEY=VALUE} for --set. */
  static Manifests render(String mode, String... values) {
    return Manifests.parse(template(sets(inMode(mode, values))).output());
  }

  /** Renders the chart with a values file, then {@code values} for --set. */
  static Manifests render(Path valuesFile, String... values) {
    List<String> options = new ArrayList<>(List.of("--values", valuesFile.toString()));
    options.addAll(sets(values));
    return Manifests.parse(template(options).output());
  }

  /** Renders the chart expecting it to refuse, and returns what helm said. */
  static String refusal(String mode, String... values) {
    HelmRun run = template(sets(inMode(mode, values)));
    assertNotEquals(0, run.exitCode(), () -> "helm rendered:\n" + run.stdout());
    return run.stderr();
  }

  private static HelmRun template(List<String> options) {
    return Helm.get().template(RELEASE, DIRECTORY, options);
  }

  private static String[] inMode(String mode, String... values) {
    return Stream.concat(Stream.of("mode=" + mode), Stream.of(values)).toArray(String[]::new);
  }

  private static List<String> sets(String... values) {
    return Stream.of(values).flatMap(value -> Stream.of("--set", value)).toList();
  }
}
