package io.shardway.server.frontend;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.shardway.protocol.EofPacket;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketFraming;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes one response to a client from a worker thread. Packets collect in a buffer that goes to
 * the channel when it passes {@link #FLUSH_THRESHOLD} and at the end of the response, so a small
 * result costs one hand-off to the event loop. While the channel is not writable the writer waits,
 * so the caller stops reading from the backend: a large result streams with bounded memory.
 */
public final class ClientWriter {
  static final int FLUSH_THRESHOLD = 64 * 1024;
  private static final long WRITABILITY_POLL_MILLIS = 200;

  private final Channel channel;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition writable = lock.newCondition();
  private final LastPacket lastPacket = new LastPacket();
  private ByteBuf buffer;
  private int sequenceId;
  private int firstSequenceId;
  private boolean flushedSinceBegin;

  public ClientWriter(Channel channel) {
    this.channel = channel;
  }

  /** Starts a response whose first packet carries {@code sequenceId}. */
  public void begin(int sequenceId) {
    this.sequenceId = sequenceId & 0xFF;
    this.firstSequenceId = this.sequenceId;
    this.flushedSinceBegin = false;
    lastPacket.reset();
  }

  /**
   * The MySQL error code of the ERR packet that ends the response so far, or 0 when it does not end
   * with one: the command's result as the client sees it.
   */
  public int responseErrorCode() {
    return lastPacket.errorCode(buffer);
  }

  /**
   * Forgets the unflushed part of the current response so an error can replace it; returns false
   * when part of it already reached the client, and the error must follow what was sent.
   */
  public boolean restartResponse() {
    if (flushedSinceBegin) {
      return false;
    }
    discard();
    sequenceId = firstSequenceId;
    return true;
  }

  public int sequenceId() {
    return sequenceId;
  }

  /** The buffer to append raw frames to; see {@link #frameHeader}. */
  public ByteBuf buffer() {
    if (buffer == null) {
      buffer = channel.alloc().heapBuffer(1024);
    }
    return buffer;
  }

  /** Writes a frame header for {@code length} bytes the caller appends right after. */
  public void frameHeader(int length) {
    lastPacket.frameAt(buffer().writerIndex(), length);
    buffer().writeMediumLE(length).writeByte(sequenceId);
    sequenceId = (sequenceId + 1) & 0xFF;
  }

  /** Writes a whole payload, split into frames when it is 16 MiB or more. */
  public void packet(ByteBuf payload) {
    lastPacket.packetAt(buffer().writerIndex());
    sequenceId = PacketFraming.writeFrames(buffer(), sequenceId, payload);
  }

  public void ok(OkPacket ok) {
    int start = reserveHeader();
    ok.encode(buffer);
    finishHeader(start);
  }

  /** The OK that ends a result set for a client with CLIENT_DEPRECATE_EOF (header 0xFE). */
  public void eofOk(OkPacket ok) {
    int start = reserveHeader();
    ok.encode(buffer, OkPacket.EOF_HEADER);
    finishHeader(start);
  }

  public void eof(EofPacket eof) {
    int start = reserveHeader();
    eof.encode(buffer);
    finishHeader(start);
  }

  public void error(ErrPacket err) {
    int start = reserveHeader();
    err.encode(buffer);
    finishHeader(start);
  }

  /** Marks where a payload begins; {@link #finishHeader} fills in its length afterwards. */
  public int reserveHeader() {
    ByteBuf buf = buffer();
    int start = buf.writerIndex();
    buf.writeInt(0);
    lastPacket.packetAt(start);
    return start;
  }

  public void finishHeader(int start) {
    int length = buffer.writerIndex() - start - PacketFraming.HEADER_SIZE;
    buffer.setMediumLE(start, length);
    buffer.setByte(start + 3, sequenceId);
    sequenceId = (sequenceId + 1) & 0xFF;
  }

  /** Takes back the packet that starts at {@code start}, the last one written. */
  public void dropPacketAt(int start) {
    buffer.writerIndex(start);
    lastPacket.takenBack();
    sequenceId = (sequenceId - 1) & 0xFF;
  }

  /** Hands what is buffered to the channel once it is large, and waits while the client lags. */
  public void flushIfLarge() {
    if (buffer != null && buffer.readableBytes() >= FLUSH_THRESHOLD) {
      flush();
      awaitWritable();
    }
  }

  /** Hands everything buffered to the channel. */
  public void flush() {
    if (buffer != null && buffer.isReadable()) {
      ByteBuf out = buffer;
      lastPacket.flushing(out);
      buffer = null;
      flushedSinceBegin = true;
      channel.writeAndFlush(out, channel.voidPromise());
    }
  }

  /** Drops what was buffered but not flushed, e.g. after the client went away. */
  public void discard() {
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
    lastPacket.discarded();
  }

  /** Called on the event loop when the channel's writability changes. */
  void writabilityChanged() {
    lock.lock();
    try {
      writable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void awaitWritable() {
    if (channel.isWritable()) {
      return;
    }
    lock.lock();
    try {
      while (!channel.isWritable() && channel.isActive()) {
        writable.await(WRITABILITY_POLL_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }
}
