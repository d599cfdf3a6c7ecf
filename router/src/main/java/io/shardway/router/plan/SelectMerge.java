package io.shardway.router.plan;

import java.util.function.Predicate;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * How the rows of a SELECT's own query block merge when they come from several shard groups, as
 * planning decides it: by concatenation, cut after a row limit, where the proxy may run it that way
 * (see {@link ScatterShape}), by the operators of a {@link QueryMerge} where its analysis accepts
 * the statement's shape, and otherwise not at all, for a reason.
 *
 * @param rowLimit as {@link Route.Scatter#rowLimit}
 * @param blocker why the rows must come from one group, or null when they may spread
 */
record SelectMerge(Merge merge, long rowLimit, String blocker) {

  /** Rows one group after another, as for a UNION, whose parts must come from one group anyway. */
  static final SelectMerge CONCATENATE = new SelectMerge(Merge.CONCATENATE, -1, null);

  /**
   * @param isShardKey as for {@link QueryMergeAnalysis}
   */
  static SelectMerge of(PlainSelect select, Predicate<Expression> isShardKey) {
    if (ScatterShape.blocker(select) == null && !ScatterShape.onlyAggregates(select)) {
      return new SelectMerge(Merge.CONCATENATE, ScatterShape.rowLimit(select), null);
    }
    try {
      QueryMergeAnalysis.checkShape(select, isShardKey);
      return new SelectMerge(Merge.QUERY, -1, null);
    } catch (Refusal refusal) {
      return new SelectMerge(Merge.CONCATENATE, -1, refusal.getMessage());
    }
  }
}
