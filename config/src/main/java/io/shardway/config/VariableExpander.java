package io.shardway.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in scalar values with environment
 * variables, so that secrets such as passwords stay out of the file (Kubernetes hands them to the
 * container as environment variables).
 *
 * <p>As in the POSIX shell, {@code ${NAME:-default}} also takes the default when the variable is
 * set but empty. The default is used as written: it is not expanded again and cannot contain a
 * closing brace. There is no escape for a literal "${".
 */
final class VariableExpander {

  private static final Pattern REFERENCE =
      Pattern.compile("(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>.*))?", Pattern.DOTALL);

  private final Map<String, String> environment;

  VariableExpander(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Returns {@code text} with every reference replaced, or empty after telling {@code problems}
   * about each reference that cannot be: an unset variable without a default, a malformed
   * reference, or an unclosed "${".
   */
  Optional<String> expand(String text, Consumer<String> problems) {
    StringBuilder expanded = new StringBuilder(text.length());
    boolean complete = true;
    int from = 0;
    for (int start = text.indexOf("${"); start >= 0; start = text.indexOf("${", from)) {
      int end = text.indexOf('}', start + 2);
      if (end < 0) {
        problems.accept("unclosed \"${\" in \"" + text + "\"");
        return Optional.empty();
      }
      expanded.append(text, from, start);
      Optional<String> value = resolve(text.substring(start + 2, end), problems);
      value.ifPresent(expanded::append);
      complete &= value.isPresent();
      from = end + 1;
    }
    expanded.append(text, from, text.length());
    return complete ? Optional.of(expanded.toString()) : Optional.empty();
  }

  private Optional<String> resolve(String reference, Consumer<String> problems) {
    Matcher matcher = REFERENCE.matcher(reference);
    if (!matcher.matches()) {
      problems.accept("invalid variable reference \"${" + reference + "}\"");
      return Optional.empty();
    }
    String value = environment.get(matcher.group("name"));
    String fallback = matcher.group("default");
    if (fallback != null && (value == null || value.isEmpty())) {
      return Optional.of(fallback);
    }
    if (value == null) {
      problems.accept("environment variable " + matcher.group("name") + " is not set");
      return Optional.empty();
    }
    return Optional.of(value);
  }
}
