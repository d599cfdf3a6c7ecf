package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** The ERR packet: error code, SQLSTATE and message, as the client shows them to the user. */
public record ErrPacket(int errorCode, String sqlState, String message) {
  public static final int HEADER = 0xFF;

  public ErrPacket {
    if (sqlState.length() != 5) {
      throw new IllegalArgumentException("sqlState: " + sqlState + " (expected: 5 characters)");
    }
  }

  /** Decodes an ERR packet (CLIENT_PROTOCOL_41 form) whose header byte is still unread. */
  public static ErrPacket decode(ByteBuf payload) {
    payload.skipBytes(1);
    int code = payload.readUnsignedShortLE();
    String state = "HY000";
    if (payload.isReadable() && payload.getByte(payload.readerIndex()) == '#') {
      payload.skipBytes(1);
      state = payload.readCharSequence(5, StandardCharsets.US_ASCII).toString();
    }
    String message = PacketBuffers.readRestString(payload, StandardCharsets.UTF_8);
    return new ErrPacket(code, state, message);
  }

  public void encode(ByteBuf out) {
    out.writeByte(HEADER);
    out.writeShortLE(errorCode);
    out.writeByte('#');
    out.writeCharSequence(sqlState, StandardCharsets.US_ASCII);
    out.writeCharSequence(message, StandardCharsets.UTF_8);
  }
}
