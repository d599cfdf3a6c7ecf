package io.shardway.server.it;

/**
 * A family of read templates ({@link KeyedQueries}, {@link ScatterQueries}, {@link MergeQueries})
 * that fills a corpus from seeded values.
 */
abstract class QueryFamily {
  final ReadCorpus corpus;
  final CorpusValues values;

  QueryFamily(ReadCorpus corpus, CorpusValues values) {
    this.corpus = corpus;
    this.values = values;
  }

  /** Adds every query of the family to {@link #corpus}. */
  abstract void addAll();
}
