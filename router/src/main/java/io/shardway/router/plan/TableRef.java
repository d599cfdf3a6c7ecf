package io.shardway.router.plan;

import io.shardway.router.plan.TableLayout.Sharded;

/**
 * One use of a table by a statement: in a FROM clause, or as what it writes.
 *
 * @param alias lower case, without quotes; null when the statement gives none
 */
record TableRef(TableName name, String alias, TableLayout layout) {

  /** Whether a column qualified with {@code table}, or with {@code schema.table}, is this one's. */
  boolean isQualifiedBy(String schema, String table) {
    if (schema != null) {
      return alias == null && table.equals(name.name()) && schema.equals(name.schema());
    }
    return table.equals(alias != null ? alias : name.name());
  }

  /** In words: {@code the sharded table users}, {@code the table logs of shard group s1}. */
  String describe() {
    if (layout instanceof Sharded) {
      return "the sharded table " + name;
    }
    if (layout instanceof TableLayout.Broadcast) {
      return "the broadcast table " + name;
    }
    return "the table " + name + " of shard group " + layout.groups().get(0);
  }

  /** The shard key column, or null when the table is not sharded. */
  String shardKey() {
    return layout instanceof Sharded sharded ? sharded.shardKey() : null;
  }
}
