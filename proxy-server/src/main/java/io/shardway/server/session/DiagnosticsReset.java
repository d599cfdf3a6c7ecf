package io.shardway.server.session;

import io.netty.buffer.ByteBuf;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.server.backend.LoopConnection;
import io.shardway.server.backend.ResponseFrames;

/**
 * Empties a loop connection's diagnostics area, then gives the connection back for others to use. A
 * session's warnings and errors would otherwise show in the next borrower's {@code SHOW WARNINGS},
 * and in the counts of its statements that use no tables, which leave the area as it is. Closing
 * the connection instead would cost a new login for every error an application makes.
 */
final class DiagnosticsReset implements LoopConnection.Listener {
  private final LoopConnection connection;
  private final ResponseFrames response;

  private DiagnosticsReset(LoopConnection connection) {
    this.connection = connection;
    this.response =
        new ResponseFrames(
            CapabilityFlags.has(connection.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF));
  }

  /** Starts the reset; the connection returns to its pool when it is done, or closes. */
  static void thenRelease(LoopConnection connection) {
    connection.send(
        BackendCommands.queryPayload(Diagnostics.CLEAR), new DiagnosticsReset(connection));
  }

  @Override
  public void frame(ByteBuf frame) {
    boolean end;
    try {
      end = response.accept(frame);
    } catch (RuntimeException e) {
      connection.close();
      return;
    } finally {
      frame.release();
    }
    if (end) {
      if (response.outcome().failed()) {
        connection.close();
      } else {
        connection.release();
      }
    }
  }

  @Override
  public void readComplete() {}

  @Override
  public void lost(String reason) {}
}
