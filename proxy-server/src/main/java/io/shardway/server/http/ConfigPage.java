package io.shardway.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.shardway.config.ShardwayConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /admin/config}: the configuration the server runs with, defaults filled in, as JSON, with
 * every secret masked.
 *
 * <p>It is read from the config records themselves, component by component, so a setting added to
 * them shows here without more code. A value is a secret when its name (a record component, or a
 * key such as a JDBC option of a backend address) mentions a password, token or secret: a new
 * secret named otherwise must be added to {@link #SECRET_NAME}.
 */
final class ConfigPage {
  static final String MASK = "******";

  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|token|secret).*");

  private final String json;

  ConfigPage(ShardwayConfig config) {
    // The configuration does not change while the server runs.
    this.json = Json.write(tree(config)) + "\n";
  }

  Answer answer() {
    return new Answer(HttpResponseStatus.OK, Answer.JSON, json, Map.of());
  }

  private static Object tree(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.map(ConfigPage::tree).orElse(null);
    }
    if (value instanceof Record record) {
      return record(record);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> object = new LinkedHashMap<>();
      map.forEach((k, v) -> object.put(String.valueOf(k), masked(String.valueOf(k), v)));
      return object;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>();
      collection.forEach(element -> list.add(tree(element)));
      return list;
    }
    if (value instanceof Duration duration) {
      return duration.toMillis() + "ms";
    }
    if (value instanceof Enum<?> constant) {
      return yamlName(constant);
    }
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    // A path, such as the TLS certificate's.
    return value.toString();
  }

  private static Map<String, Object> record(Record record) {
    Map<String, Object> object = new LinkedHashMap<>();
    String type = typeOf(record);
    if (type != null) {
      // A sharding algorithm or key generator: one record per type, which says it in type().
      object.put("type", type);
    }
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      object.put(component.getName(), masked(component.getName(), read(component, record)));
    }
    return object;
  }

  private static Object masked(String name, Object value) {
    boolean present = value != null && !(value instanceof Optional<?> o && o.isEmpty());
    return present && SECRET_NAME.matcher(name).matches() ? MASK : tree(value);
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  /** The value of a {@code type()} that is not a component, or null. */
  private static String typeOf(Record record) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getName().equals("type")) {
        return null;
      }
    }
    Object type = call(record, "type");
    return type instanceof String text ? text : null;
  }

  /** The constant as the file spells it ({@code yamlName()}), else its name in lower case. */
  private static String yamlName(Enum<?> constant) {
    Object name = call(constant, "yamlName");
    return name instanceof String text ? text : constant.name().toLowerCase(Locale.ROOT);
  }

  private static Object call(Object target, String methodName) {
    try {
      Method method = target.getClass().getMethod(methodName);
      return method.invoke(target);
    } catch (NoSuchMethodException e) {
      return null;
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot call " + methodName + " on " + target, e);
    }
  }
}
