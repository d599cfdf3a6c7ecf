package io.shardway.server.it;

import io.shardway.server.it.SeededRows.TableRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Inserts generated rows with one single-row INSERT a row, sent in JDBC batches: through Shardway
 * each INSERT is routed to the group of its row (a multi-row INSERT must stay on one group, so the
 * connection must not rewrite the batch), while a direct connection may rewrite the batch into one
 * statement.
 */
final class RowLoader {
  private static final int BATCH_ROWS = 1_000;

  private RowLoader() {}

  /**
   * Loads every table over {@code threads} connections at once, each taking every {@code
   * threads}-th row: single-row INSERTs through a proxy spend most of their time waiting for
   * answers.
   */
  static void load(ConnectionSource connections, List<TableRows> tables, int threads)
      throws SQLException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> loads = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int share = t;
        loads.add(
            pool.submit(
                () -> {
                  try (Connection connection = connections.open()) {
                    for (TableRows table : tables) {
                      load(connection, table, share, threads);
                    }
                  }
                  return null;
                }));
      }
      for (Future<Void> load : loads) {
        load.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void load(Connection connection, TableRows table, int share, int shares)
      throws SQLException {
    String sql =
        "INSERT INTO "
            + table.table()
            + " ("
            + String.join(", ", table.columns())
            + ") VALUES ("
            + String.join(", ", Collections.nCopies(table.columns().size(), "?"))
            + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int pending = 0;
      for (int r = share; r < table.rows().size(); r += shares) {
        Object[] row = table.rows().get(r);
        for (int i = 0; i < row.length; i++) {
          insert.setObject(i + 1, row[i]);
        }
        insert.addBatch();
        if (++pending == BATCH_ROWS) {
          insert.executeBatch();
          pending = 0;
        }
      }
      insert.executeBatch();
    }
  }
}
