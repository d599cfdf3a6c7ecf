package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Extra authentication data from the server (Protocol::AuthMoreData, header 0x01). {@code
 * caching_sha2_password} uses it for its one-byte status codes and to send its RSA public key.
 */
public record AuthMoreData(byte[] data) {
  public static final int HEADER = 0x01;

  /** caching_sha2_password: the scramble matched a cached entry; an OK packet follows. */
  public static final byte FAST_AUTH_SUCCESS = 0x03;

  /** caching_sha2_password: send the password itself, over TLS or RSA-encrypted. */
  public static final byte PERFORM_FULL_AUTHENTICATION = 0x04;

  public AuthMoreData {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Decodes auth-more-data whose header byte is still unread. */
  public static AuthMoreData decode(ByteBuf payload) {
    payload.skipBytes(1);
    return new AuthMoreData(PacketBuffers.readRestBytes(payload));
  }

  public void encode(ByteBuf out) {
    out.writeByte(HEADER);
    out.writeBytes(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthMoreData m && Arrays.equals(data, m.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "AuthMoreData(" + data.length + " bytes)";
  }
}
