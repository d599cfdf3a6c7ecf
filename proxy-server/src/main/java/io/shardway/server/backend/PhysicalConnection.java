package io.shardway.server.backend;

import io.shardway.server.state.ConnectionState;

/**
 * What Shardway remembers about one physical server connection across borrowings: its raw channel,
 * its server thread id and the session state left on it by the last client.
 */
final class PhysicalConnection {
  private final BackendChannel channel;
  private final long threadId;
  private final ConnectionState state = new ConnectionState();
  private final BackendStatements statements = new BackendStatements();
  private Object lastStatement;

  PhysicalConnection(BackendChannel channel, long threadId) {
    this.channel = channel;
    this.threadId = threadId;
  }

  BackendChannel channel() {
    return channel;
  }

  long threadId() {
    return threadId;
  }

  ConnectionState state() {
    return state;
  }

  BackendStatements statements() {
    return statements;
  }

  Object lastStatement() {
    return lastStatement;
  }

  void lastStatement(Object marker) {
    lastStatement = marker;
  }
}
