package io.shardway.server.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One read of the corpus and how its answer through Shardway is checked against the reference's.
 *
 * @param sql what Shardway runs
 * @param referenceSql what the reference runs: {@code sql}, except for {@link Check#ANY_ROWS}
 * @param parameters values for the {@code ?} of {@code sql}; none for plain text statements
 * @param limit for {@link Check#ANY_ROWS}, how many rows {@code sql} asks for
 * @param offset for {@link Check#ANY_ROWS}, how many rows {@code sql} skips
 */
record CorpusQuery(
    Category category,
    String sql,
    String referenceSql,
    List<Object> parameters,
    Check check,
    int limit,
    int offset) {

  enum Check {
    /** ORDER BY fixes the order of every row (a unique key comes last): rows in order. */
    IN_ORDER,
    /** The same rows, in any order. */
    AS_MULTISET,
    /**
     * A LIMIT without ORDER BY, which any {@code limit} rows of the query answer (an OFFSET skips
     * arbitrary rows): as many rows as the reference has past {@code offset}, up to {@code limit},
     * each one of the reference's rows.
     */
    ANY_ROWS
  }

  CorpusQuery {
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
  }

  static CorpusQuery ordered(Category category, String sql, Object... parameters) {
    return new CorpusQuery(category, sql, sql, list(parameters), Check.IN_ORDER, 0, 0);
  }

  static CorpusQuery unordered(Category category, String sql, Object... parameters) {
    return new CorpusQuery(category, sql, sql, list(parameters), Check.AS_MULTISET, 0, 0);
  }

  /**
   * {@code sql} with {@code LIMIT limit} (and {@code OFFSET offset} where it is above 0) through
   * Shardway, checked against all the rows of {@code sql} on the reference.
   */
  static CorpusQuery anyRows(Category category, String sql, int limit, int offset) {
    String limited = sql + " LIMIT " + limit + (offset > 0 ? " OFFSET " + offset : "");
    return new CorpusQuery(category, limited, sql, List.of(), Check.ANY_ROWS, limit, offset);
  }

  /** How many rows a correct answer has, given all {@code rows} of the reference. */
  int rowsWanted(int rows) {
    return check == Check.ANY_ROWS ? Math.min(limit, Math.max(0, rows - offset)) : rows;
  }

  /** Whether it binds {@code ?} parameters, so that server-side prepared statements apply. */
  boolean parameterized() {
    return !parameters.isEmpty();
  }

  @Override
  public String toString() {
    return category + ": " + sql + (parameters.isEmpty() ? "" : " with " + parameters);
  }

  /** Unlike List.of, takes NULL parameters. */
  private static List<Object> list(Object[] parameters) {
    return Arrays.asList(parameters);
  }
}
