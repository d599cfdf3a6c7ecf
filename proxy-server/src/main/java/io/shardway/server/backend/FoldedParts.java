package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.EofPacket;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketBuffers;
import io.shardway.protocol.ServerStatus;
import io.shardway.server.frontend.ClientWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-row answers of an aggregate SELECT run on several shard groups, kept until the last group
 * answered so they can be folded into one row: the first group's column definitions and each
 * group's row. Memory is one row per group, however many rows the groups counted.
 */
public final class FoldedParts {
  private final List<ColumnDefinition> columns = new ArrayList<>();
  private final List<byte[]> definitions = new ArrayList<>();
  private final List<byte[]> rows = new ArrayList<>();
  private int warnings;
  private int status;

  /** Reads one group's answer; returns its error, or null. */
  public ErrPacket readPart(BackendChannel backend) throws IOException {
    boolean backendDeprecatesEof =
        CapabilityFlags.has(backend.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF);
    ByteBuf first = backend.readPacket(ByteBufAllocator.DEFAULT);
    long count;
    try {
      int header = first.getUnsignedByte(first.readerIndex());
      if (header == ErrPacket.HEADER) {
        return ErrPacket.decode(first);
      }
      if (header == OkPacket.HEADER || header == 0xFB) {
        throw new IOException("a shard answered an aggregate SELECT without a result set");
      }
      count = PacketBuffers.readLenencInt(first.duplicate());
    } finally {
      first.release();
    }
    boolean keep = columns.isEmpty();
    for (long i = 0; i < count; i++) {
      ByteBuf definition = backend.readPacket(ByteBufAllocator.DEFAULT);
      try {
        if (keep) {
          definitions.add(ByteBufUtil.getBytes(definition));
          columns.add(ColumnDefinition.decode(definition.duplicate()));
        }
      } finally {
        definition.release();
      }
    }
    if (!backendDeprecatesEof) {
      backend.readPacket(ByteBufAllocator.DEFAULT).release();
    }
    boolean rowRead = false;
    while (true) {
      ByteBuf packet = backend.readPacket(ByteBufAllocator.DEFAULT);
      try {
        int header = packet.getUnsignedByte(packet.readerIndex());
        if (header == ErrPacket.HEADER) {
          return ErrPacket.decode(packet);
        }
        boolean end =
            header == EofPacket.HEADER
                && packet.readableBytes() < (backendDeprecatesEof ? 0xFFFFFF : 9);
        if (end) {
          int partStatus;
          int partWarnings;
          if (backendDeprecatesEof) {
            OkPacket ok = OkPacket.decode(packet);
            partStatus = ok.statusFlags();
            partWarnings = ok.warnings();
          } else {
            EofPacket eof = EofPacket.decode(packet);
            partStatus = eof.statusFlags();
            partWarnings = eof.warnings();
          }
          warnings = Math.min(0xFFFF, warnings + partWarnings);
          status = partStatus & ~ServerStatus.MORE_RESULTS_EXISTS;
          return null;
        }
        if (rowRead) {
          throw new IOException("a shard answered an aggregate SELECT with more than one row");
        }
        rowRead = true;
        rows.add(ByteBufUtil.getBytes(packet));
      } finally {
        packet.release();
      }
    }
  }

  public List<ColumnDefinition> columns() {
    return columns;
  }

  /** Each group's row, in the order the groups answered. */
  public List<byte[]> rows() {
    return rows;
  }

  /** Writes the first group's column definitions, then {@code row}, then the end of the result. */
  public void writeTo(ClientWriter client, byte[] row, int clientCapabilities, int sessionStatus) {
    boolean clientDeprecatesEof =
        CapabilityFlags.has(clientCapabilities, CapabilityFlags.CLIENT_DEPRECATE_EOF);
    ByteBuf count = Unpooled.buffer(9);
    PacketBuffers.writeLenencInt(count, columns.size());
    client.packet(count);
    for (byte[] definition : definitions) {
      client.packet(Unpooled.wrappedBuffer(definition));
    }
    if (!clientDeprecatesEof) {
      client.eof(
          new EofPacket(0, sessionStatus & (ServerStatus.AUTOCOMMIT | ServerStatus.IN_TRANS)));
    }
    client.packet(Unpooled.wrappedBuffer(row));
    if (clientDeprecatesEof) {
      client.eofOk(new OkPacket(0, 0, status, warnings));
    } else {
      client.eof(new EofPacket(warnings, status));
    }
  }
}
