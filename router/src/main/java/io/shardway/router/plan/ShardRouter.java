package io.shardway.router.plan;

import io.shardway.router.merge.UnsupportedMergeException;
import io.shardway.router.plan.Route.Refused;
import io.shardway.router.plan.Route.Single;
import io.shardway.router.shard.KeyGenerator;
import java.util.Objects;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Decides which shard groups a statement must run on, so that running it there, unchanged, and
 * merging the results gives exactly the answer of one server holding all the data; or refuses it
 * with a reason when Shardway cannot do that yet. It never guesses.
 *
 * <p>Planning first lexes the text and looks each name up in the {@link Layouts}: a statement that
 * names no table outside the default group runs there, without being parsed. Any other is parsed
 * once with JSqlParser and analysed:
 *
 * <ul>
 *   <li>SELECT: the shard key conditions of the WHERE and of inner joins ({@code key = v}, {@code
 *       IN}, {@code BETWEEN}, {@code <}, {@code <=}, {@code >}, {@code >=}, combined with AND and
 *       OR; each value a literal or a {@code ?}) pick the shards. Sharded tables in one FROM must
 *       be co-located and joined on their keys, or each be pinned to the same one group by its own
 *       conditions. Several groups are allowed when merging their rows gives exactly one server's
 *       answer: concatenated (cut after n rows for a {@code LIMIT n} without ORDER BY), folded (a
 *       select list of COUNT, SUM, MIN and MAX only), or by the merge operators of a {@link
 *       QueryMerge} (ORDER BY, LIMIT, GROUP BY, HAVING, DISTINCT, AVG and the rest {@link
 *       #queryMerge} describes). Never with window functions or aggregates that do not fold, INTO
 *       or connection state, nor with a subquery, derived table or UNION part reading sharded rows
 *       (those must find all their rows in the one group the statement runs on).
 *   <li>INSERT and REPLACE: every row's shard key must be a literal or {@code ?}; rows that go to
 *       several groups are split into one statement per group ({@link #splitInsert}), as are the
 *       rows of a table with a key generator that leave the key out, which get generated keys.
 *       UPDATE and DELETE: as SELECT, their rows summed over groups; not with ORDER BY or LIMIT
 *       across groups, nor changing a shard key.
 *   <li>Broadcast tables: read in any one group that has them all, and written in every group, but
 *       only by statements that leave the copies equal.
 *   <li>DDL: on every group of its table.
 * </ul>
 *
 * <p>Plans do not depend on session state. Thread-safe when the {@link Layouts} are.
 */
public final class ShardRouter {

  private final Layouts layouts;

  public ShardRouter(Layouts layouts) {
    this.layouts = Objects.requireNonNull(layouts, "layouts");
  }

  /**
   * Parses and analyses {@code sql} once; the plan may then be bound to the parameter values of
   * many executions.
   *
   * @param sql one statement, in the session's default schema
   */
  public RoutePlan plan(String sql) {
    StatementText text = StatementText.of(Objects.requireNonNull(sql, "sql"), layouts);
    if (text.mentions().isEmpty()) {
      return new FixedPlan(new Single(layouts.defaultGroup()), text.parameterCount());
    }
    try {
      return Planner.plan(text, layouts);
    } catch (Refusal refusal) {
      return new FixedPlan(new Refused(refusal.getMessage()), text.parameterCount());
    }
  }

  /**
   * How a SELECT that {@link Merge#QUERY} merges runs on each group and how their rows merge. The
   * text is parsed again, with the literals that planning through a digest did not see: the merge
   * needs HAVING's numbers, and the groups' statement copies expressions with their literals.
   *
   * @param sql the text the plan was made from; a prepared statement's keeps its {@code ?}, which
   *     the groups' statement keeps in the same order
   * @throws UnsupportedMergeException if the rows of several groups cannot be merged exactly; its
   *     message completes "This version of Shardway doesn't yet support "
   */
  public QueryMerge queryMerge(String sql) {
    StatementText text = StatementText.of(Objects.requireNonNull(sql, "sql"), layouts);
    if (!(SqlParser.parse(text.parsable()) instanceof PlainSelect select)) {
      throw new UnsupportedMergeException(
          "merging the rows of several shard groups for a statement that is no single SELECT");
    }
    String tables = text.mentioned();
    try {
      QueryBlock block =
          new SelectAnalysis(new Footprint(layouts), null)
              .block(select.getFromItem(), select.getJoins(), select.getWhere());
      tables = block.shardedNames();
      return new QueryMergeAnalysis(select, block::isOnlyShardKey, false).rewrite();
    } catch (Refusal refusal) {
      throw new UnsupportedMergeException(
          refusal.getMessage() + " in " + Planner.SELECT_PHRASE.formatted(tables));
    }
  }

  /**
   * The statement each group runs of an INSERT or REPLACE that {@link Merge#SPLIT_INSERT} merges:
   * the text's own, with only the rows that go to the group, in their order, every value written as
   * in the text. Where the table has a key generator and the statement leaves the shard key out,
   * the key column is added with keys from {@code keys}, consecutive in row order, which also
   * decide the rows' groups. The text is parsed again, with the literals that planning through a
   * digest did not see, since they decide where each row goes.
   *
   * @param sql the text the plan was made from
   * @param keys reserves the keys of the rows, when the statement leaves them to Shardway
   * @throws UnsupportedMergeException if the statement cannot be split exactly: it has {@code ?}
   *     placeholders (prepared statements are not split), is no INSERT or REPLACE … VALUES into a
   *     sharded table, has a key that is no literal, or uses what carries from one row to the next
   *     in the connection ({@code LAST_INSERT_ID()}, user variables, sequences); its message
   *     completes "This version of Shardway doesn't yet support "
   */
  public InsertSplit splitInsert(String sql, KeyGenerator keys) {
    StatementText text = StatementText.of(Objects.requireNonNull(sql, "sql"), layouts);
    Objects.requireNonNull(keys, "keys");
    try {
      return InsertSplitter.split(text, layouts, keys);
    } catch (Refusal refusal) {
      throw new UnsupportedMergeException(refusal.getMessage());
    }
  }

  /**
   * Whether {@code sql} reads and writes no table at all ({@code SELECT LAST_INSERT_ID()}, {@code
   * SELECT 1}): it may then run on whichever connection the session holds, even in another group
   * than the default. False when it names a table or cannot be parsed.
   */
  public boolean namesNoTable(String sql) {
    Statement statement = SqlParser.parse(StatementText.of(sql, layouts).parsable());
    return statement != null && new TablesNamesFinder<Void>().getTables(statement).isEmpty();
  }
}
