package io.shardway.server.sharding;

import io.shardway.router.shard.ShardKey;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bound values of a prepared statement as shard keys, each as the same value written in the
 * statement's text would be: numbers as number literals, strings (and dates) as string literals.
 */
public final class ParameterKeys {
  private ParameterKeys() {}

  /**
   * @param values as {@link io.shardway.protocol.StmtExecuteParameters} decodes them
   * @param charset the session's character set, which string parameters are sent in
   */
  public static List<ShardKey> of(List<Object> values, Charset charset) {
    List<ShardKey> keys = new ArrayList<>(values.size());
    for (Object value : values) {
      keys.add(key(value, charset));
    }
    return Collections.unmodifiableList(keys);
  }

  private static ShardKey key(Object value, Charset charset) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long || value instanceof Integer) {
      return ShardKey.ofLong(((Number) value).longValue());
    }
    if (value instanceof Double number) {
      return ShardKey.of(BigDecimal.valueOf(number).toPlainString(), false);
    }
    if (value instanceof Number number) {
      return ShardKey.of(number.toString(), false);
    }
    if (value instanceof byte[] bytes) {
      return ShardKey.of(new String(bytes, charset), true);
    }
    return ShardKey.of(value.toString(), true);
  }
}
