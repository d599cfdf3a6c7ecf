package io.shardway.server.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as JSON (RFC 8259): all the
 * admin pages need, without a JSON library in the proxy's jar.
 */
final class Json {
  private Json() {}

  /** An object whose keys keep the order given: {@code object("a", 1, "b", 2)}. */
  static Map<String, Object> object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "keysAndValues: " + keysAndValues.length + " (expected: an even number)");
    }
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  static String write(Object tree) {
    StringBuilder out = new StringBuilder(256);
    value(out, tree);
    return out.toString();
  }

  private static void value(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(out, text);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Number number) {
      double d = number.doubleValue();
      // JSON has no NaN or infinity.
      out.append(Double.isFinite(d) ? number.toString() : "null");
    } else if (value instanceof Map<?, ?> map) {
      object(out, map);
    } else if (value instanceof Iterable<?> list) {
      array(out, list.iterator());
    } else {
      throw new IllegalArgumentException(
          "value: " + value.getClass().getName() + " (expected: a map, list, string, number)");
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    String separator = "";
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.append(separator);
      string(out, String.valueOf(entry.getKey()));
      out.append(':');
      value(out, entry.getValue());
      separator = ",";
    }
    out.append('}');
  }

  private static void array(StringBuilder out, Iterator<?> elements) {
    out.append('[');
    String separator = "";
    while (elements.hasNext()) {
      out.append(separator);
      value(out, elements.next());
      separator = ",";
    }
    out.append(']');
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
