package io.shardway.server.it;

import io.shardway.server.it.DifferentialSchema.Table;
import io.shardway.server.it.Outcome.Rows;
import io.shardway.server.it.SeededRows.TableRows;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The differential suite: the same rows in one plain MariaDB (the reference) and in four shard
 * groups behind Shardway, the same statements sent to both, and every answer through Shardway
 * either exactly the reference's or refused with error 1235. Refusals are counted per {@link
 * Category}; those in {@link Category#ANSWERED_TODAY} fail the suite, as does any other error or
 * any different answer. The reads run first, with every driver and protocol; the writes last, since
 * they change the rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DifferentialIT {
  private static final Logger log = LoggerFactory.getLogger(DifferentialIT.class);

  /** Concurrent loading connections through Shardway: each INSERT mostly waits for its answer. */
  private static final int LOADERS = 4;

  private static DifferentialCluster cluster;
  private static List<TableRows> rows;

  @BeforeAll
  static void startAndLoad() throws Exception {
    long started = System.nanoTime();
    cluster = DifferentialCluster.start();
    long load = System.nanoTime();
    rows = SeededRows.generate();
    RowLoader.load(cluster::referenceForBulkLoad, rows, 1);
    long throughShardway = System.nanoTime();
    RowLoader.load(() -> cluster.shardway(Client.MYSQL_TEXT), rows, LOADERS);
    log.info(
        "Servers started in {} ms; {} rows loaded into the reference in {} ms and through Shardway"
            + " in {} ms",
        millisSince(started, load),
        rows.stream().mapToInt(t -> t.rows().size()).sum(),
        millisSince(load, throughShardway),
        millisSince(throughShardway, System.nanoTime()));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * Text clients run the whole corpus, its parameterized queries as client-side prepared
   * statements; server-prepared clients run the parameterized queries only.
   */
  @Order(1)
  @ParameterizedTest
  @EnumSource(Client.class)
  void readsAreAnsweredAsTheReferenceAnswersOrRefused(Client client) throws SQLException {
    List<CorpusQuery> corpus =
        ReadCorpus.build().stream()
            .filter(query -> !client.serverPrepared() || query.parameterized())
            .toList();
    Verdicts verdicts = new Verdicts(corpus.size() + " reads with " + client);
    long started = System.nanoTime();
    compareReads(client, corpus, verdicts);
    log.info("{}\n(in {} ms)", verdicts.summary(), millisSince(started, System.nanoTime()));
    verdicts.assertNoProblems();
  }

  @Order(2)
  @Test
  void writesChangeTheTablesAsOnTheReference() throws SQLException {
    List<CorpusWrite> corpus = WriteCorpus.build(rows);
    Verdicts verdicts = new Verdicts(corpus.size() + " writes");
    TableComparison tables = new TableComparison(cluster);
    Map<Table, Rows> loaded = tables.reference();
    tables.differences(loaded).forEach(d -> verdicts.problem("after loading: " + d));
    long started = System.nanoTime();
    compareWrites(corpus, verdicts);
    Map<Table, Rows> written = tables.reference();
    tables.differences(written).forEach(d -> verdicts.problem("after the writes: " + d));
    Verdicts lookups = new Verdicts("lookups of the rows the writes changed");
    compareReads(Client.MYSQL_TEXT, ChangedRowLookups.queries(loaded, written), lookups);
    log.info("{}\n(in {} ms)", verdicts.summary(), millisSince(started, System.nanoTime()));
    verdicts.assertNoProblems();
    lookups.assertNoProblems();
  }

  /**
   * Text writes go through mysql-connector-j, parameterized ones as server-side prepared statements
   * of MariaDB Connector/J, so that both drivers' write paths are covered.
   */
  private static void compareWrites(List<CorpusWrite> corpus, Verdicts verdicts)
      throws SQLException {
    try (BothSides text = BothSides.of(cluster, Client.MYSQL_TEXT);
        BothSides prepared = BothSides.of(cluster, Client.MARIADB_SERVER_PREPARED)) {
      for (CorpusWrite write : corpus) {
        BothSides sides = write.parameterized() ? prepared : text;
        Outcome actual = sides.shardway().update(write.sql(), write.parameters());
        // A refused write changed nothing, so the reference does not run it either.
        Outcome expected =
            actual instanceof Outcome.Failed failed && failed.refused()
                ? actual
                : sides.reference().update(write.sql(), write.parameters());
        verdicts.judge(
            write.category(), write, expected, actual, ResultComparer.difference(expected, actual));
      }
    }
  }

  private static void compareReads(Client client, List<CorpusQuery> corpus, Verdicts verdicts)
      throws SQLException {
    try (BothSides sides = BothSides.of(cluster, client)) {
      for (CorpusQuery query : corpus) {
        Outcome expected = sides.reference().query(query.referenceSql(), query.parameters());
        if (expected instanceof Outcome.Failed failed) {
          verdicts.problem(
              "the reference fails, fix the corpus: " + query + ": " + failed.describe());
          continue;
        }
        Outcome actual = sides.shardway().query(query.sql(), query.parameters());
        verdicts.judge(
            query.category(),
            query,
            expected,
            actual,
            ResultComparer.difference(query, expected, actual));
      }
    }
  }

  private static long millisSince(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }
}
