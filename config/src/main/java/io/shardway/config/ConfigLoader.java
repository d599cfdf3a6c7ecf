package io.shardway.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates a Shardway configuration file.
 *
 * <p>The file is composed into SnakeYAML nodes rather than constructed into objects, so that every
 * value keeps its position for problems, and so that no YAML tag can instantiate a class. All
 * problems are collected before anything is reported: a {@link ConfigException} lists every one of
 * them in file order.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /**
   * Loads {@code file}, read as UTF-8, substituting {@code ${VAR}} from the process environment.
   *
   * @throws ConfigException if the file cannot be read or is not a valid configuration
   */
  public static ShardwayConfig load(Path file) throws ConfigException {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw atStart(file, "file not found");
    } catch (CharacterCodingException e) {
      throw atStart(file, "the file is not valid UTF-8");
    } catch (IOException e) {
      throw atStart(file, "cannot read the file: " + e.getMessage());
    }
    return parse(text, file, System.getenv());
  }

  /**
   * Parses a configuration given as text.
   *
   * @param yamlText the YAML document
   * @param sourceName the file the text came from: named in problems, and the base of relative TLS
   *     paths (a name without a directory resolves against the working directory)
   * @param environment the variables that {@code ${VAR}} and {@code ${VAR:-default}} refer to
   * @throws ConfigException listing every problem found
   */
  public static ShardwayConfig parse(
      String yamlText, Path sourceName, Map<String, String> environment) throws ConfigException {
    Objects.requireNonNull(yamlText, "yamlText");
    Objects.requireNonNull(sourceName, "sourceName");
    Problems problems = new Problems(sourceName);
    VariableExpander variables = new VariableExpander(environment);
    Optional<ShardwayConfig> config =
        compose(yamlText, problems)
            .flatMap(
                root ->
                    new ConfigBinder(sourceName, problems)
                        .bind(ConfigNode.root(root, problems, variables)));
    if (!problems.isEmpty()) {
      throw problems.toException();
    }
    return config.orElseThrow();
  }

  /**
   * Composes the single document of {@code text}. A syntax error stops SnakeYAML at the first
   * mistake, so it is reported alone, at the mark SnakeYAML gives.
   */
  private static Optional<Node> compose(String text, Problems problems) {
    try {
      Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
      if (root == null) {
        problems.addAtStart("the file is empty");
      }
      return Optional.ofNullable(root);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String message = "invalid YAML: " + syntaxMessage(e);
      if (mark != null) {
        problems.add(mark, message);
      } else {
        problems.addAtStart(message);
      }
    } catch (YAMLException e) {
      problems.addAtStart("invalid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  // SnakeYAML's own message repeats the snippet of the file over several lines; the context
  // ("while scanning a quoted scalar") and the problem are what a one-line report needs.
  private static String syntaxMessage(MarkedYAMLException e) {
    String problem = Objects.requireNonNullElse(e.getProblem(), "syntax error");
    if (e.getContext() == null || e.getContext().isBlank()) {
      return problem;
    }
    return e.getContext() + ": " + problem;
  }

  private static ConfigException atStart(Path file, String message) {
    Problems problems = new Problems(file);
    problems.addAtStart(message);
    return problems.toException();
  }
}
