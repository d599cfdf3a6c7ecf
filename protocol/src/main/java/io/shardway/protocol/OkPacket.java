package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The OK packet (header 0x00, or 0xFE where it replaces the EOF that ends a result set for clients
 * with CLIENT_DEPRECATE_EOF).
 *
 * <p>The info string is a string&lt;lenenc&gt;, not the string&lt;EOF&gt; the protocol
 * documentation shows for clients without CLIENT_SESSION_TRACK: MySQL and MariaDB servers write a
 * length prefix either way (net_send_ok), and libmysql, libmariadb and Connector/J read one, so an
 * INSERT's "Records: 2 Duplicates: 0 Warnings: 0" arrives with its length first. Both are omitted
 * when there is nothing to say. {@code sessionState} is the raw session-state-change block a server
 * appends when the client negotiated CLIENT_SESSION_TRACK and the status has
 * SERVER_SESSION_STATE_CHANGED; Shardway never offers session tracking, so it only passes through
 * decoding and re-encoding.
 */
public record OkPacket(
    long affectedRows,
    long lastInsertId,
    int statusFlags,
    int warnings,
    String info,
    byte[] sessionState) {
  public static final int HEADER = 0x00;
  public static final int EOF_HEADER = 0xFE;

  private static final byte[] NO_SESSION_STATE = new byte[0];

  public OkPacket {
    sessionState = sessionState.clone();
    if (sessionState.length > 0
        && !ServerStatus.has(statusFlags, ServerStatus.SESSION_STATE_CHANGED)) {
      throw new IllegalArgumentException(
          "sessionState: " + sessionState.length + " bytes (expected: SESSION_STATE_CHANGED set)");
    }
  }

  public OkPacket(
      long affectedRows, long lastInsertId, int statusFlags, int warnings, String info) {
    this(affectedRows, lastInsertId, statusFlags, warnings, info, NO_SESSION_STATE);
  }

  public OkPacket(long affectedRows, long lastInsertId, int statusFlags, int warnings) {
    this(affectedRows, lastInsertId, statusFlags, warnings, "", NO_SESSION_STATE);
  }

  @Override
  public byte[] sessionState() {
    return sessionState.clone();
  }

  /** Decodes an OK packet whose header byte is still unread. */
  public static OkPacket decode(ByteBuf payload) {
    payload.skipBytes(1);
    long affectedRows = PacketBuffers.readLenencInt(payload);
    long lastInsertId = PacketBuffers.readLenencInt(payload);
    int status = payload.readUnsignedShortLE();
    int warnings = payload.readUnsignedShortLE();
    String info = payload.isReadable() ? PacketBuffers.readLenencString(payload) : "";
    byte[] sessionState = NO_SESSION_STATE;
    if (ServerStatus.has(status, ServerStatus.SESSION_STATE_CHANGED) && payload.isReadable()) {
      sessionState = PacketBuffers.readLenencBytes(payload);
    }
    return new OkPacket(affectedRows, lastInsertId, status, warnings, info, sessionState);
  }

  public void encode(ByteBuf out) {
    encode(out, HEADER);
  }

  /** Writes the payload with the given header byte (0x00, or 0xFE in place of an EOF). */
  public void encode(ByteBuf out, int header) {
    out.writeByte(header);
    PacketBuffers.writeLenencInt(out, affectedRows);
    PacketBuffers.writeLenencInt(out, lastInsertId);
    out.writeShortLE(statusFlags);
    out.writeShortLE(warnings);
    if (!info.isEmpty() || sessionState.length > 0) {
      PacketBuffers.writeLenencString(out, info);
    }
    if (sessionState.length > 0) {
      PacketBuffers.writeLenencBytes(out, sessionState);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OkPacket p
        && affectedRows == p.affectedRows
        && lastInsertId == p.lastInsertId
        && statusFlags == p.statusFlags
        && warnings == p.warnings
        && info.equals(p.info)
        && Arrays.equals(sessionState, p.sessionState);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(affectedRows) * 31 + Long.hashCode(lastInsertId) * 17 + statusFlags;
  }

  @Override
  public String toString() {
    return "OkPacket(affected="
        + affectedRows
        + ", insertId="
        + lastInsertId
        + ", status=0x"
        + Integer.toHexString(statusFlags)
        + ", warnings="
        + warnings
        + (info.isEmpty() ? "" : ", " + info)
        + ")";
  }
}
