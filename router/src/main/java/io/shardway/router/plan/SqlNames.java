package io.shardway.router.plan;

import io.shardway.router.Identifiers;
import net.sf.jsqlparser.schema.Table;

/** Reads the names of JSqlParser's syntax tree in the form {@link Layouts} takes them. */
final class SqlNames {

  private SqlNames() {}

  /**
   * A name lower case, without backticks.
   *
   * @throws Refusal for a double-quoted name: MySQL reads {@code "users"} as a string unless the
   *     session sets ANSI_QUOTES, and the router cannot see which
   */
  static String of(String written) {
    if (written.startsWith("\"")) {
      throw new Refusal("double-quoted names such as " + written);
    }
    return Identifiers.normalized(written);
  }

  /** Whether a column or alias is written in double quotes, which may make it a string. */
  static boolean isDoubleQuoted(String written) {
    return written.startsWith("\"");
  }

  /**
   * The name of {@code table}.
   *
   * @throws Refusal for names of three parts, which MySQL does not have
   */
  static TableName of(Table table) {
    if (table.getNameParts().size() > 2) {
      throw new Refusal("table names of three parts such as " + table.getFullyQualifiedName());
    }
    String schema = table.getSchemaName();
    return new TableName(schema == null ? null : of(schema), of(table.getName()));
  }
}
