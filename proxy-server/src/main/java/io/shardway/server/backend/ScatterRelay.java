package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketBuffers;
import io.shardway.protocol.PacketFraming;
import io.shardway.server.frontend.ClientWriter;
import java.io.IOException;

/**
 * Joins the result sets of one SELECT run on several shard groups into one result for the client:
 * the first shard's column definitions, then every shard's rows as they come, then one end marker.
 * Rows stream straight from each backend to the client buffer, so memory stays bounded however many
 * rows the shards return.
 */
public final class ScatterRelay {
  private final ClientWriter client;
  private final MergedResultWriter out;
  private final long rowLimit;
  private long rowsSent;
  private boolean metadataSent;
  private long columns = -1;

  /**
   * @param sessionStatus the session's status flags, for the EOF after the column definitions
   * @param rowLimit the most rows the client gets (a LIMIT without ORDER BY, which any rows
   *     answer), or -1 for all
   */
  public ScatterRelay(
      ClientWriter client, int clientCapabilities, int sessionStatus, long rowLimit) {
    this.client = client;
    this.out = new MergedResultWriter(client, clientCapabilities, sessionStatus);
    this.rowLimit = rowLimit;
  }

  /**
   * Relays one shard's answer: its rows, and the column definitions when it is the first. Returns
   * what the shard answered, an error included; the client has seen nothing of an error yet.
   */
  public RelayOutcome relayPart(BackendChannel backend) throws IOException {
    RelayOutcome outcome = new RelayOutcome();
    boolean backendDeprecatesEof =
        CapabilityFlags.has(backend.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF);
    ByteBuf first = backend.readPacket(ByteBufAllocator.DEFAULT);
    try {
      int header = first.getUnsignedByte(first.readerIndex());
      if (header == ErrPacket.HEADER) {
        outcome.error(ErrPacket.decode(first));
        return outcome;
      }
      if (header == OkPacket.HEADER || header == 0xFB) {
        throw new IOException("a shard answered a scattered SELECT without a result set");
      }
      long count = PacketBuffers.readLenencInt(first.duplicate());
      if (columns >= 0 && count != columns) {
        throw new IOException(
            "shards answered with different column counts (" + columns + " and " + count + ")");
      }
      columns = count;
      relayMetadata(backend, first, count, backendDeprecatesEof);
    } finally {
      first.release();
    }
    relayRows(backend, backendDeprecatesEof, outcome);
    return outcome;
  }

  private void relayMetadata(
      BackendChannel backend, ByteBuf columnCount, long count, boolean backendDeprecatesEof)
      throws IOException {
    if (!metadataSent) {
      client.packet(columnCount);
    }
    for (long i = 0; i < count; i++) {
      ByteBuf definition = backend.readPacket(ByteBufAllocator.DEFAULT);
      try {
        if (!metadataSent) {
          client.packet(definition);
        }
      } finally {
        definition.release();
      }
    }
    if (!backendDeprecatesEof) {
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
    }
    if (!metadataSent) {
      out.endOfColumns();
    }
    metadataSent = true;
  }

  /** Whether the client has all the rows it asked for: no other group need be asked. */
  public boolean satisfied() {
    return rowLimit >= 0 && rowsSent >= rowLimit;
  }

  /**
   * Rows go straight into the client buffer; the end marker is read and taken back out. Rows past
   * the limit are read and dropped, so the connection ends the command clean.
   */
  private void relayRows(BackendChannel backend, boolean backendDeprecatesEof, RelayOutcome outcome)
      throws IOException {
    while (true) {
      int length = backend.readFrameHeader();
      if (satisfied() && !isShortMarker(length)) {
        skipRow(backend, length);
        continue;
      }
      ByteBuf buffer = client.buffer();
      int start = buffer.writerIndex();
      client.frameHeader(length);
      backend.readPayload(buffer, length);
      int firstByte = length == 0 ? -1 : buffer.getUnsignedByte(start + PacketFraming.HEADER_SIZE);
      boolean end = EndOfRows.is(firstByte, length, backendDeprecatesEof);
      if (end || firstByte == ErrPacket.HEADER) {
        ByteBuf packet = buffer.retainedSlice(start + PacketFraming.HEADER_SIZE, length);
        client.dropPacketAt(start);
        try {
          if (firstByte == ErrPacket.HEADER) {
            outcome.error(ErrPacket.decode(packet));
          } else {
            endOfRows(outcome, EndOfRows.decode(packet, backendDeprecatesEof));
          }
        } finally {
          packet.release();
        }
        return;
      }
      if (satisfied()) {
        // A short row past the limit; longer ones were skipped unread.
        client.dropPacketAt(start);
        continue;
      }
      while (length == PacketFraming.MAX_FRAME_PAYLOAD) {
        length = backend.readFrameHeader();
        client.frameHeader(length);
        backend.readPayload(client.buffer(), length);
      }
      rowsSent++;
      client.flushIfLarge();
    }
  }

  /** Whether a packet of this length may be an end marker or an error rather than a row. */
  private static boolean isShortMarker(int length) {
    return length < PacketFraming.MAX_FRAME_PAYLOAD;
  }

  /** Drops a row the client did not ask for, continuation frames included. */
  private static void skipRow(BackendChannel backend, int length) throws IOException {
    backend.skipPayload(length);
    while (length == PacketFraming.MAX_FRAME_PAYLOAD) {
      length = backend.readFrameHeader();
      backend.skipPayload(length);
    }
  }

  private void endOfRows(RelayOutcome outcome, EndOfRows end) {
    outcome.endOfRows(end.statusFlags(), end.warnings());
    out.shardEnded(end);
  }

  /** Ends the joined result, after the last shard's rows. */
  public void finish() {
    out.finish();
  }
}
