package io.shardway.router.plan;

import java.math.BigInteger;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * The LIMIT of a SELECT merged across shard groups: {@code LIMIT count}, {@code LIMIT offset,
 * count} or {@code LIMIT count OFFSET offset}, in numbers. The merge applies it, so it must know
 * the numbers from the text: a {@code ?} there is a placeholder of the client's own, since a
 * statement's digest keeps the literals of a LIMIT.
 *
 * @param offset the rows to skip
 * @param count the rows to return after them; {@link Long#MAX_VALUE} for all, as for MySQL's
 *     18446744073709551615
 */
record LimitClause(long offset, long count) {

  static final LimitClause NONE = new LimitClause(0, Long.MAX_VALUE);

  /**
   * @throws Refusal for a placeholder, and for the forms MySQL does not have
   */
  static LimitClause of(PlainSelect select) {
    Limit limit = select.getLimit();
    boolean unusual =
        hasOtherForm(select)
            || limit != null
                && (limit.isLimitAll()
                    || limit.isLimitNull()
                    || limit.getByExpressions() != null
                    || limit.getOffset() != null && select.getOffset() != null)
            || limit == null && select.getOffset() != null;
    if (unusual) {
      throw new Refusal("this form of LIMIT");
    }
    if (limit == null) {
      return NONE;
    }
    Expression offset =
        limit.getOffset() != null
            ? limit.getOffset()
            : select.getOffset() == null ? null : select.getOffset().getOffset();
    return new LimitClause(offset == null ? 0 : number(offset), number(limit.getRowCount()));
  }

  /**
   * Writes the LIMIT of the groups' statement: {@code LIMIT offset + count} where each group limits
   * its own rows, as any of the first offset + count rows of the result is among the first offset +
   * count of its group; none where the merge alone can.
   */
  void rewrite(PlainSelect select, boolean eachGroup) {
    long rows = io.shardway.router.merge.Limit.rowsNeeded(offset, count);
    select.setOffset(null);
    select.setLimit(
        eachGroup && rows < Long.MAX_VALUE ? new Limit().withRowCount(new LongValue(rows)) : null);
  }

  /**
   * Whether {@code select} limits its rows in a form of another database that JSqlParser reads:
   * FETCH, LIMIT BY, TOP, FIRST, SKIP.
   */
  static boolean hasOtherForm(PlainSelect select) {
    return select.getFetch() != null
        || select.getLimitBy() != null
        || select.getTop() != null
        || select.getFirst() != null
        || select.getSkip() != null;
  }

  /** Whether rows are skipped or cut. */
  boolean limits() {
    return offset > 0 || count < Long.MAX_VALUE;
  }

  private static long number(Expression value) {
    if (value instanceof JdbcParameter) {
      throw new Refusal("LIMIT with a ? placeholder");
    }
    if (!(value instanceof LongValue number)) {
      throw new Refusal("LIMIT " + value);
    }
    BigInteger n = number.getBigIntegerValue();
    return n.bitLength() < Long.SIZE ? n.longValue() : Long.MAX_VALUE;
  }
}
