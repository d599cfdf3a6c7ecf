package io.shardway.server.backend;

import io.shardway.server.state.ConnectionState;
import java.sql.Connection;

/**
 * One borrowed backend connection: the pooled JDBC connection that owns it, the raw packet channel
 * over its socket, and the session state it currently carries.
 */
public final class BackendConnection {
  private final Connection pooled;
  private final PhysicalConnection physical;
  private final BackendPool pool;
  private final boolean foundRows;
  private boolean broken;

  BackendConnection(
      Connection pooled, PhysicalConnection physical, BackendPool pool, boolean foundRows) {
    this.pooled = pooled;
    this.physical = physical;
    this.pool = pool;
    this.foundRows = foundRows;
  }

  public BackendChannel channel() {
    return physical.channel();
  }

  /** The state this connection's server session is in now. */
  public ConnectionState state() {
    return physical.state();
  }

  /** The prepared statements this connection's server session holds. */
  public BackendStatements statements() {
    return physical.statements();
  }

  /**
   * Marks whose statement ran last here: the server's diagnostics area (SHOW WARNINGS) describes
   * that statement until the next one.
   */
  public void lastStatement(Object marker) {
    physical.lastStatement(marker);
  }

  /** Whether {@code marker}'s statement is the last one this connection ran. */
  public boolean ranLast(Object marker) {
    return physical.lastStatement() == marker;
  }

  /**
   * Marks whose warnings or error the server's diagnostics area holds, null once empty. They stay
   * through the next statements that use no tables ({@code SELECT 1}, SET), even another session's.
   */
  public void diagnosticsOwner(Object owner) {
    physical.diagnosticsOwner(owner);
  }

  /**
   * Whether the diagnostics area holds the warnings or error of someone other than {@code owner}.
   */
  public boolean holdsDiagnosticsOf(Object owner) {
    Object holder = physical.diagnosticsOwner();
    return holder != null && holder != owner;
  }

  /** After COM_RESET_CONNECTION: the server session is as new, prepared statements gone. */
  public void resetDone() {
    physical.state().resetToServerDefaults();
    physical.statements().clear();
  }

  /**
   * Whether the server renders TIMESTAMP values at a fixed UTC offset on this connection, as last
   * found under the session's {@code time_zone} setting {@code setting}; null when not yet found
   * under it.
   */
  public Boolean fixedOffsetTimestamps(String setting) {
    return physical.fixedOffsetTimestamps(setting);
  }

  public void fixedOffsetTimestamps(String setting, boolean fixed) {
    physical.fixedOffsetTimestamps(setting, fixed);
  }

  /** Server thread id, as CONNECTION_ID() on this connection reports it. */
  public long serverThreadId() {
    return physical.threadId();
  }

  /**
   * Marks the connection unusable (I/O failed mid-exchange, or its state is unknown); {@link
   * #release} then evicts it instead of returning it to the pool.
   */
  public void markBroken() {
    broken = true;
  }

  public boolean isBroken() {
    return broken;
  }

  /** Returns the connection to its pool, or evicts it when broken. */
  public void release() {
    pool.release(this);
  }

  boolean foundRows() {
    return foundRows;
  }

  Connection pooled() {
    return pooled;
  }

  PhysicalConnection physical() {
    return physical;
  }
}
