package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.EofPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketBuffers;
import io.shardway.protocol.ServerStatus;
import io.shardway.server.frontend.ClientWriter;
import java.util.List;

/**
 * Writes a result set that Shardway computed from several shards' results: column definitions as a
 * shard described them, rows the merge produced, and one end marker for the whole result, in the
 * form the client negotiated (with or without CLIENT_DEPRECATE_EOF).
 */
public final class MergedResultWriter {
  private final ClientWriter client;
  private final boolean clientDeprecatesEof;
  private final int metadataStatus;
  private int warnings;
  private int status;

  /**
   * @param sessionStatus the session's status flags, for the EOF after the column definitions
   */
  public MergedResultWriter(ClientWriter client, int clientCapabilities, int sessionStatus) {
    this.client = client;
    this.clientDeprecatesEof =
        CapabilityFlags.has(clientCapabilities, CapabilityFlags.CLIENT_DEPRECATE_EOF);
    this.metadataStatus = sessionStatus & (ServerStatus.AUTOCOMMIT | ServerStatus.IN_TRANS);
    this.status = metadataStatus;
  }

  /** The column count and each column's definition payload. */
  public void columns(List<byte[]> definitions) {
    ByteBuf count = Unpooled.buffer(9);
    PacketBuffers.writeLenencInt(count, definitions.size());
    client.packet(count);
    for (byte[] definition : definitions) {
      client.packet(Unpooled.wrappedBuffer(definition));
    }
    endOfColumns();
  }

  /** What follows the column definitions: an EOF, unless the client deprecated it. */
  public void endOfColumns() {
    if (!clientDeprecatesEof) {
      client.eof(new EofPacket(0, metadataStatus));
    }
  }

  /** One row; waits while the client lags, so the merge reads no faster than the client takes. */
  public void row(byte[] payload) {
    client.packet(Unpooled.wrappedBuffer(payload));
    client.flushIfLarge();
  }

  /** Adds a shard's end of rows: its warnings count, and its status flags stand for the result. */
  public void shardEnded(ShardRows shard) {
    shardEnded(shard.end());
  }

  /** As {@link #shardEnded(ShardRows)}, from the end marker itself; null when none was read. */
  void shardEnded(EndOfRows end) {
    if (end != null) {
      warnings = Math.min(0xFFFF, warnings + end.warnings());
      status = end.statusFlags() & ~ServerStatus.MORE_RESULTS_EXISTS;
    }
  }

  /** Ends the result. */
  public void finish() {
    if (clientDeprecatesEof) {
      client.eofOk(new OkPacket(0, 0, status, warnings));
    } else {
      client.eof(new EofPacket(warnings, status));
    }
  }
}
