package io.shardway.router.plan;

import java.util.Objects;

/**
 * A table as a statement names it, in the form {@link Layouts#layout} takes.
 *
 * @param schema the qualifier, lower case without quotes; null when the name has none
 * @param name lower case, without quotes
 */
record TableName(String schema, String name) {

  TableName {
    Objects.requireNonNull(name, "name");
  }

  /** {@code name} or {@code schema.name}, for messages. */
  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
