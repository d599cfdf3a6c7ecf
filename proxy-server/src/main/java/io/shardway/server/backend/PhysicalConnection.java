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
  private Object diagnosticsOwner;
  private String timeZoneOf;
  private boolean fixedOffsetTimestamps;

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

  Object diagnosticsOwner() {
    return diagnosticsOwner;
  }

  void diagnosticsOwner(Object owner) {
    diagnosticsOwner = owner;
  }

  /**
   * Whether TIMESTAMP values render at a fixed UTC offset here, as last found for the session's
   * {@code time_zone} setting {@code setting}; null when not found for that setting yet.
   */
  Boolean fixedOffsetTimestamps(String setting) {
    return timeZoneOf != null && timeZoneOf.equals(setting) ? fixedOffsetTimestamps : null;
  }

  void fixedOffsetTimestamps(String setting, boolean fixed) {
    timeZoneOf = setting;
    fixedOffsetTimestamps = fixed;
  }
}
