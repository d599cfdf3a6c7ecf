package io.shardway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code helm lint --strict}: warnings fail too. */
class ChartLintTest {

  @ParameterizedTest
  @ValueSource(strings = {"sidecar", "standalone"})
  void passesInEachMode(String mode) {
    assertPasses("--set", "mode=" + mode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"values-sidecar.yaml", "values-standalone.yaml"})
  void passesWithEachExampleValuesFile(String file) {
    assertPasses("--values", ShardwayChart.EXAMPLES.resolve(file).toString());
  }

  private static void assertPasses(String... options) {
    HelmRun run = lint(options);
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    assertTrue(run.stdout().contains("1 chart(s) linted, 0 chart(s) failed"), run.stdout());
    // Lint renders with fail() and required() turned into log lines and passes anyway.
    assertFalse(run.stderr().contains("Fail:"), run.stderr());
  }

  private static HelmRun lint(String... options) {
    List<String> args =
        new ArrayList<>(List.of("lint", "--strict", ShardwayChart.DIRECTORY.toString()));
    args.addAll(List.of(options));
    return Helm.get().run(args);
  }
}
