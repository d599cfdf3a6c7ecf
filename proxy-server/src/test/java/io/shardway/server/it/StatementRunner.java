package io.shardway.server.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs statements the way a client would, on one connection, and keeps what each gave as an {@link
 * Outcome}: a plain {@link Statement} when there is nothing to bind and the client uses text,
 * otherwise a prepared statement of the client's kind (client-side, or COM_STMT_PREPARE and
 * COM_STMT_EXECUTE).
 *
 * <p>A statement that loses the connection (a timeout, a server that closed it) leaves it closed;
 * the next statement opens another, so that one broken answer is one failure, not a failure of
 * every statement after it.
 */
final class StatementRunner implements AutoCloseable {
  private final ConnectionSource connections;
  private final Client client;
  private Connection connection;

  StatementRunner(ConnectionSource connections, Client client) {
    this.connections = connections;
    this.client = client;
  }

  Outcome query(String sql, List<Object> parameters) {
    try {
      if (parameters.isEmpty() && !client.serverPrepared()) {
        try (Statement statement = connection().createStatement();
            ResultSet rows = statement.executeQuery(sql)) {
          return Outcome.Rows.read(rows);
        }
      }
      try (PreparedStatement statement = prepare(sql, parameters);
          ResultSet rows = statement.executeQuery()) {
        return Outcome.Rows.read(rows);
      }
    } catch (SQLException e) {
      return Outcome.Failed.of(e);
    }
  }

  Outcome update(String sql, List<Object> parameters) {
    try {
      if (parameters.isEmpty() && !client.serverPrepared()) {
        try (Statement statement = connection().createStatement()) {
          return new Outcome.Updated(statement.executeLargeUpdate(sql));
        }
      }
      try (PreparedStatement statement = prepare(sql, parameters)) {
        return new Outcome.Updated(statement.executeLargeUpdate());
      }
    } catch (SQLException e) {
      return Outcome.Failed.of(e);
    }
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = connections.open();
    }
    return connection;
  }

  private PreparedStatement prepare(String sql, List<Object> parameters) throws SQLException {
    PreparedStatement statement = client.prepare(connection(), sql);
    try {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
