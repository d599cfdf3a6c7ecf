package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketBuffers;
import io.shardway.protocol.PacketFraming;
import io.shardway.protocol.ServerStatus;

/**
 * Follows the response to a COM_QUERY frame by frame to tell where it ends, reading only what marks
 * its structure: the first packet, the column count, the end of column definitions and of rows, and
 * the status of each end, through every result of a multi-statement. Frames themselves are not
 * changed: the backend negotiated CLIENT_DEPRECATE_EOF as the client did.
 */
public final class ResponseFrames {
  private enum Phase {
    FIRST,
    COLUMNS,
    METADATA_EOF,
    ROWS,
    DONE
  }

  private final boolean deprecatesEof;
  private final RelayOutcome outcome = new RelayOutcome();
  private Phase phase = Phase.FIRST;
  private long columnsLeft;
  private long rows;
  private boolean continuation;

  public ResponseFrames(boolean deprecatesEof) {
    this.deprecatesEof = deprecatesEof;
  }

  /**
   * Takes the next frame, header included; returns whether it ends the response.
   *
   * @throws IllegalStateException when the backend asks for a LOCAL INFILE, which no statement sent
   *     this way allows
   */
  public boolean accept(ByteBuf frame) {
    int start = frame.readerIndex();
    int length = frame.getUnsignedMediumLE(start);
    boolean packetStart = !continuation;
    continuation = length == PacketFraming.MAX_FRAME_PAYLOAD;
    if (!packetStart) {
      return false;
    }
    int first = length == 0 ? -1 : frame.getUnsignedByte(start + PacketFraming.HEADER_SIZE);
    switch (phase) {
      case FIRST -> first(first, payload(frame, length));
      case COLUMNS -> {
        if (--columnsLeft == 0) {
          phase = deprecatesEof ? Phase.ROWS : Phase.METADATA_EOF;
        }
      }
      case METADATA_EOF -> {
        if (first == ErrPacket.HEADER) {
          outcome.error(ErrPacket.decode(payload(frame, length)));
          phase = Phase.DONE;
        } else {
          phase = Phase.ROWS;
        }
      }
      case ROWS -> {
        if (first == ErrPacket.HEADER) {
          outcome.error(ErrPacket.decode(payload(frame, length)));
          phase = Phase.DONE;
        } else if (EndOfRows.is(first, length, deprecatesEof)) {
          EndOfRows end = EndOfRows.decode(payload(frame, length), deprecatesEof);
          outcome.endOfRows(end.statusFlags(), end.warnings());
          afterResult(end.statusFlags());
        } else {
          rows++;
        }
      }
      case DONE -> throw new IllegalStateException("a packet after the end of the response");
    }
    return phase == Phase.DONE;
  }

  /** The rows of all result sets so far. */
  public long rows() {
    return rows;
  }

  /** What the response said, once {@link #accept} returned true. */
  public RelayOutcome outcome() {
    return outcome;
  }

  private void first(int first, ByteBuf payload) {
    if (first == OkPacket.HEADER) {
      OkPacket ok = OkPacket.decode(payload);
      outcome.ok(ok.affectedRows(), ok.lastInsertId(), ok.statusFlags(), ok.warnings());
      afterResult(ok.statusFlags());
    } else if (first == ErrPacket.HEADER) {
      outcome.error(ErrPacket.decode(payload));
      phase = Phase.DONE;
    } else if (first == 0xFB) {
      throw new IllegalStateException("the backend asked for a LOCAL INFILE");
    } else {
      columnsLeft = PacketBuffers.readLenencInt(payload);
      phase = Phase.COLUMNS;
    }
  }

  private void afterResult(int statusFlags) {
    phase =
        ServerStatus.has(statusFlags, ServerStatus.MORE_RESULTS_EXISTS) ? Phase.FIRST : Phase.DONE;
  }

  private static ByteBuf payload(ByteBuf frame, int length) {
    return frame.slice(frame.readerIndex() + PacketFraming.HEADER_SIZE, length);
  }
}
