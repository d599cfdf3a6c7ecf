package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketBuffers;
import io.shardway.router.merge.MergeRow;
import io.shardway.router.merge.ResultColumns;
import io.shardway.router.merge.RowStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One shard's result set of a merged SELECT, read from its connection as the merge pulls: first the
 * column definitions ({@link #readColumns}), then one row per {@link #next}. Holds one row at a
 * time, so a merge over many shards keeps one row of each in memory.
 */
public final class ShardRows implements RowStream {
  private final BackendConnection connection;
  private final BackendChannel channel;
  private final boolean deprecatesEof;
  private final List<byte[]> definitionPayloads = new ArrayList<>();
  private final List<ColumnDefinition> definitions = new ArrayList<>();
  private ResultColumns columns;
  private boolean columnsRead;
  private boolean ended;
  private EndOfRows end;

  /**
   * @param connection a connection the statement was sent to, whose answer is not read yet
   */
  public ShardRows(BackendConnection connection) {
    this.connection = connection;
    this.channel = connection.channel();
    this.deprecatesEof =
        CapabilityFlags.has(channel.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF);
  }

  /**
   * Reads the answer up to the rows: the column definitions. Returns the shard's error instead, if
   * it answered one; the connection is then done with the command.
   */
  public ErrPacket readColumns() throws IOException {
    columnsRead = true;
    ByteBuf first = channel.readPacket(ByteBufAllocator.DEFAULT);
    long count;
    try {
      int header = first.getUnsignedByte(first.readerIndex());
      if (header == ErrPacket.HEADER) {
        ended = true;
        return ErrPacket.decode(first);
      }
      if (header == OkPacket.HEADER || header == 0xFB) {
        throw new IOException("a shard answered a merged SELECT without a result set");
      }
      count = PacketBuffers.readLenencInt(first.duplicate());
    } finally {
      first.release();
    }
    for (long i = 0; i < count; i++) {
      ByteBuf definition = channel.readPacket(ByteBufAllocator.DEFAULT);
      try {
        definitionPayloads.add(ByteBufUtil.getBytes(definition));
        definitions.add(ColumnDefinition.decode(definition.duplicate()));
      } finally {
        definition.release();
      }
    }
    if (!deprecatesEof) {
      channel.readPacket(ByteBufAllocator.DEFAULT).release();
    }
    return null;
  }

  /** The column definitions the shard sent. */
  public List<ColumnDefinition> definitions() {
    return definitions;
  }

  /** The payloads of the column definitions, as the shard sent them. */
  public List<byte[]> definitionPayloads() {
    return definitionPayloads;
  }

  /** How to read the rows: the merged result's columns, which every shard's rows share. */
  public void decodeWith(ResultColumns columns) {
    this.columns = columns;
  }

  /**
   * The next row, or null after the last.
   *
   * @throws ShardErrorException when the shard ends its rows with an error
   */
  @Override
  public MergeRow next() throws IOException {
    byte[] row = nextPayload();
    return row == null ? null : columns.decode(row);
  }

  /**
   * Reads and drops what is left of the answer (the column definitions too, if not read yet), so
   * the connection ends the command clean: at most {@code maxRows} rows. Returns false when more
   * are left; {@link #abandon} the connection then. An error that ends the rest is dropped too: the
   * merge did not need those rows.
   */
  public boolean drain(long maxRows) throws IOException {
    if (!columnsRead && readColumns() != null) {
      return true;
    }
    try {
      for (long i = 0; i <= maxRows; i++) {
        if (nextPayload() == null) {
          return true;
        }
      }
      return false;
    } catch (ShardErrorException e) {
      return true;
    }
  }

  /** Gives up on the rest of the answer: the connection is closed rather than reused. */
  public void abandon() {
    connection.markBroken();
  }

  /** The status flags and warnings of the end of the rows; null until they were read. */
  EndOfRows end() {
    return end;
  }

  private byte[] nextPayload() throws IOException {
    if (ended) {
      return null;
    }
    ByteBuf packet = channel.readPacket(ByteBufAllocator.DEFAULT);
    try {
      int length = packet.readableBytes();
      int firstByte = length == 0 ? -1 : packet.getUnsignedByte(packet.readerIndex());
      if (firstByte == ErrPacket.HEADER) {
        ended = true;
        throw new ShardErrorException(ErrPacket.decode(packet));
      }
      if (EndOfRows.is(firstByte, length, deprecatesEof)) {
        ended = true;
        end = EndOfRows.decode(packet, deprecatesEof);
        return null;
      }
      return ByteBufUtil.getBytes(packet);
    } finally {
      packet.release();
    }
  }
}
