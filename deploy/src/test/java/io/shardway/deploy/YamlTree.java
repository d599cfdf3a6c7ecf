package io.shardway.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Steps through the maps and lists SnakeYAML makes of a document. A missing step fails the test
 * with the path that led there, rather than with a NullPointerException.
 */
final class YamlTree {

  private YamlTree() {}

  /** Returns the value at {@code path}, a key per step. */
  static Object at(Object node, String... path) {
    Object current = node;
    for (int i = 0; i < path.length; i++) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(path[i])) {
        throw new AssertionError("no " + String.join(".", Arrays.copyOf(path, i + 1)));
      }
      current = map.get(path[i]);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String... path) {
    return (Map<String, Object>) as(Map.class, node, path);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, String... path) {
    return (List<Object>) as(List.class, node, path);
  }

  static String string(Object node, String... path) {
    return as(String.class, node, path);
  }

  /** Returns the element of the list at {@code path} whose {@code name} is {@code name}. */
  static Map<String, Object> named(String name, Object node, String... path) {
    return list(node, path).stream()
        .map(YamlTree::map)
        .filter(element -> name.equals(element.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + String.join(".", path)));
  }

  private static <T> T as(Class<T> type, Object node, String... path) {
    Object value = at(node, path);
    if (!type.isInstance(value)) {
      throw new AssertionError(
          String.join(".", path) + ": expected a " + type.getSimpleName() + ", got " + value);
    }
    return type.cast(value);
  }
}
