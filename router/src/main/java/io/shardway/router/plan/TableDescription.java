package io.shardway.router.plan;

import io.shardway.router.lex.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SHOW statements that describe one table, which ORMs, migration tools and GUI clients send:
 * {@code SHOW [FULL] COLUMNS|FIELDS FROM t}, {@code SHOW INDEX|INDEXES|KEYS FROM t} and {@code SHOW
 * CREATE TABLE t}. Every group of a sharded or broadcast table holds the same definition (DDL runs
 * on all of them), so one of its groups answers for the logical table. JSqlParser reads few of
 * these forms, so they are recognised from the lexer's tokens.
 */
final class TableDescription {

  /** The words after SHOW that begin a description of one table. */
  private static final Set<String> DESCRIBING =
      Set.of("COLUMNS", "FIELDS", "INDEX", "INDEXES", "KEYS");

  private TableDescription() {}

  /**
   * The plan of {@code text} when it describes one table outside the default group: its first
   * group; null for any other statement.
   */
  static RoutePlan plan(StatementText text, Layouts layouts) {
    if (!describesOneTable(text.tokens()) || text.mentions().size() != 1) {
      return null;
    }
    TableName table = text.mentions().keySet().iterator().next();
    String group = layouts.layout(table.schema(), table.name()).groups().get(0);
    return new FixedPlan(new Route.Single(group), text.parameterCount());
  }

  private static boolean describesOneTable(List<Token> tokens) {
    if (tokens.size() < 3 || !tokens.get(0).is("SHOW")) {
      return false;
    }
    if (tokens.get(1).is("CREATE")) {
      return tokens.get(2).is("TABLE");
    }
    int what = 1;
    while (what < tokens.size()
        && (tokens.get(what).is("FULL") || tokens.get(what).is("EXTENDED"))) {
      what++;
    }
    return what < tokens.size() && DESCRIBING.contains(word(tokens.get(what)));
  }

  private static String word(Token token) {
    return token.text().toUpperCase(Locale.ROOT);
  }
}
