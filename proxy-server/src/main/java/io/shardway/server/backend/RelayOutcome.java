package io.shardway.server.backend;

import io.shardway.protocol.ErrPacket;

/**
 * What a relayed response said, for the session to update its state: the last server status, the
 * last OK's counters, and the error if one ended it.
 */
public final class RelayOutcome {
  private int statusFlags;
  private int warnings;
  private long affectedRows;
  private long lastInsertId;
  private int results;
  private ErrPacket error;

  void ok(long affectedRows, long lastInsertId, int statusFlags, int warnings) {
    this.affectedRows = affectedRows;
    if (lastInsertId != 0) {
      this.lastInsertId = lastInsertId;
    }
    this.statusFlags = statusFlags;
    this.warnings = warnings;
    results++;
  }

  void endOfRows(int statusFlags, int warnings) {
    this.statusFlags = statusFlags;
    this.warnings = warnings;
    results++;
  }

  void error(ErrPacket error) {
    this.error = error;
  }

  /** The server status flags of the last OK or EOF, or -1 when none arrived. */
  public int statusFlags() {
    return results == 0 ? -1 : statusFlags;
  }

  public int warnings() {
    return warnings;
  }

  public long affectedRows() {
    return affectedRows;
  }

  /** The last non-zero insert id an OK reported, or 0. */
  public long lastInsertId() {
    return lastInsertId;
  }

  /** How many results (OK packets or result sets) completed before the end or an error. */
  public int completedResults() {
    return results;
  }

  public ErrPacket error() {
    return error;
  }

  public boolean failed() {
    return error != null;
  }
}
