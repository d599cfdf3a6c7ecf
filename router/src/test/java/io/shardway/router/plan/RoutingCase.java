package io.shardway.router.plan;

import java.util.Arrays;

/** One row of a routing table: a statement, its parameter values, and the route it must get. */
record RoutingCase(String sql, Route expected, Object... params) {

  static RoutingCase row(String sql, Route expected, Object... params) {
    return new RoutingCase(sql, expected, params);
  }

  @Override
  public String toString() {
    return "[" + sql + "]" + (params.length == 0 ? "" : " " + Arrays.toString(params));
  }
}
