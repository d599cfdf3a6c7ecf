package io.shardway.protocol;

import io.netty.handler.codec.TooLongFrameException;

/** A peer sent a packet larger than {@code max_allowed_packet}. */
public final class PacketTooLargeException extends TooLongFrameException {
  private static final long serialVersionUID = 1L;

  private final long maxAllowed;

  public PacketTooLargeException(long length, long maxAllowed) {
    super("packet length: " + length + " (expected: <= " + maxAllowed + ")");
    this.maxAllowed = maxAllowed;
  }

  public long maxAllowed() {
    return maxAllowed;
  }
}
