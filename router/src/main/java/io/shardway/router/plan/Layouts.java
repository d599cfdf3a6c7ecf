package io.shardway.router.plan;

/**
 * The layouts of the tables that the statements of one logical schema may name.
 *
 * <p>The router asks for every name-like token of a statement that it considers analysing, so an
 * implementation should answer from a map, without allocating much and without throwing.
 */
public interface Layouts {

  /**
   * The group of the schema's tables that the configuration does not list, and of statements that
   * read no table at all ({@code SELECT 1}).
   */
  String defaultGroup();

  /**
   * The layout of a table as a statement names it. Unqualified names are the statement's default
   * schema's; a qualified one may be that schema named explicitly or another schema, which the
   * implementation resolves (a schema the proxy does not shard, such as {@code information_schema},
   * is best {@code Unsharded(defaultGroup())}).
   *
   * <p>Names come as two parts rather than as {@code "schema.table"} because a quoted name may hold
   * a dot ({@code `a.b`} is one table).
   *
   * @param schema the qualifier, lower case without quotes, or null when the name has none
   * @param table lower case, without quotes
   * @return never null; {@code Unsharded(defaultGroup())} for a table that is not configured
   */
  TableLayout layout(String schema, String table);
}
