package io.shardway.server;

import io.shardway.protocol.HandshakeV10;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.backend.BackendPool;
import io.shardway.server.session.Collation;
import io.shardway.server.session.CollationCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Shardway learns from the backend at start: the version string and default collation it
 * announces to clients as its own, and the collation catalog.
 */
record BackendIdentity(String serverVersion, int collationId, CollationCatalog collations) {
  private static final Logger log = LoggerFactory.getLogger(BackendIdentity.class);

  /** Used while the backend cannot be reached at start. */
  private static final BackendIdentity UNKNOWN =
      new BackendIdentity("8.0.0-shardway", 45, new CollationCatalog(Map.of()));

  static BackendIdentity probe(BackendPool pool) {
    try {
      BackendConnection backend = pool.borrow(true);
      HandshakeV10 handshake;
      try {
        handshake = backend.channel().serverHandshake();
      } finally {
        // Given back before the catalog query borrows again: a pool of one has nothing else.
        backend.release();
      }
      return new BackendIdentity(
          handshake.serverVersion(), handshake.characterSet(), collations(pool));
    } catch (SQLException e) {
      log.warn(
          "backend {} unreachable at start ({}); announcing version {}",
          pool.address(),
          e.getMessage(),
          UNKNOWN.serverVersion());
      return UNKNOWN;
    }
  }

  private static CollationCatalog collations(BackendPool pool) throws SQLException {
    Map<Integer, Collation> byId = new HashMap<>();
    try (Connection connection = pool.jdbcConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT ID, COLLATION_NAME, CHARACTER_SET_NAME FROM information_schema.COLLATIONS")) {
      while (rs.next()) {
        byId.put(rs.getInt(1), new Collation(rs.getInt(1), rs.getString(2), rs.getString(3)));
      }
    }
    return new CollationCatalog(byId);
  }
}
