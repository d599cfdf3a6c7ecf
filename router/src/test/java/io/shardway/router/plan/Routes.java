package io.shardway.router.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardway.router.plan.Route.Refused;
import io.shardway.router.plan.Route.Scatter;
import io.shardway.router.plan.Route.Single;
import io.shardway.router.shard.ShardKey;
import java.util.ArrayList;
import java.util.List;

/** Shorthands for the routing tests, over {@link TestLayouts}. */
final class Routes {

  private Routes() {}

  /**
   * Plans {@code sql} and binds it to {@code params}: integers as numbers, strings as the content
   * of string literals, null as SQL NULL.
   */
  static Route route(String sql, Object... params) {
    return TestLayouts.ROUTER.plan(sql).bind(keys(params));
  }

  /** Parameter values as keys: integers as numbers, strings as string content, null as NULL. */
  static List<ShardKey> keys(Object... params) {
    List<ShardKey> keys = new ArrayList<>();
    for (Object param : params) {
      keys.add(
          param == null
              ? null
              : param instanceof String text
                  ? ShardKey.of(text, true)
                  : ShardKey.ofLong(((Number) param).longValue()));
    }
    return keys;
  }

  static Single single(String group) {
    return new Single(group);
  }

  static Scatter scatter(Merge merge, String... groups) {
    return new Scatter(List.of(groups), merge);
  }

  static Scatter all(Merge merge) {
    return new Scatter(TestLayouts.ALL, merge);
  }

  /** A scatter to {@code groups} whose rows, one group after another, stop after {@code n}. */
  static Scatter limited(List<String> groups, long n) {
    return new Scatter(groups, Merge.CONCATENATE, n);
  }

  static Refused refused(String reason) {
    return new Refused(reason);
  }

  /** Asserts that {@code sql}, bound to {@code params}, is refused. */
  static void assertRefused(String sql, Object... params) {
    Route route = route(sql, params);
    assertEquals(Refused.class, route.getClass(), () -> sql + " routes " + route);
  }
}
