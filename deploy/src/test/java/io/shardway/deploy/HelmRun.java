package io.shardway.deploy;

import java.util.List;

/**
 * One run of helm.
 *
 * @param args the arguments after {@code helm}
 * @param exitCode the process's exit code
 * @param stdout what it printed to standard output
 * @param stderr what it printed to standard error, where helm reports a template's {@code fail}
 */
record HelmRun(List<String> args, int exitCode, String stdout, String stderr) {

  /**
   * Returns standard output.
   *
   * @throws AssertionError if helm failed, with what it said
   */
  String output() {
    if (exitCode != 0) {
      throw new AssertionError(
          "helm " + String.join(" ", args) + " exited with " + exitCode + ":\n" + stderr + stdout);
    }
    return stdout;
  }
}
