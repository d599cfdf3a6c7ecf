package io.shardway.server.it;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The read corpus: a few hundred SELECTs from templates filled with seeded values ({@link
 * KeyedQueries}, {@link ScatterQueries}, {@link MergeQueries}), each filed under a {@link Category}
 * and told how its answer is checked.
 */
final class ReadCorpus {
  private static final long SEED = 7_331L;

  private final List<CorpusQuery> queries = new ArrayList<>();

  private ReadCorpus() {}

  static List<CorpusQuery> build() {
    ReadCorpus corpus = new ReadCorpus();
    CorpusValues values = new CorpusValues(SEED);
    new KeyedQueries(corpus, values).addAll();
    new ScatterQueries(corpus, values).addAll();
    new MergeQueries(corpus, values).addAll();
    return List.copyOf(corpus.queries);
  }

  /** A query whose ORDER BY fixes the order of every row. */
  void ordered(Category category, String sql, Object... parameters) {
    queries.add(CorpusQuery.ordered(category, sql, parameters));
  }

  /** A query whose rows may come in any order. */
  void unordered(Category category, String sql, Object... parameters) {
    queries.add(CorpusQuery.unordered(category, sql, parameters));
  }

  /** Queries without parameters whose rows may come in any order. */
  void eachUnordered(Category category, String... sqls) {
    for (String sql : sqls) {
      unordered(category, sql);
    }
  }

  /** {@code sql} with a LIMIT and no ORDER BY: any {@code limit} of its rows are right. */
  void anyRows(Category category, String sql, int limit) {
    anyRows(category, sql, limit, 0);
  }

  void anyRows(Category category, String sql, int limit, int offset) {
    queries.add(CorpusQuery.anyRows(category, sql, limit, offset));
  }

  /** Adds a template's queries {@code count} times, each time with fresh seeded values. */
  void times(int count, Runnable template) {
    IntStream.range(0, count).forEach(i -> template.run());
  }
}
