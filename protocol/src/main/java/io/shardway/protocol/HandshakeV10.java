package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The server's first packet (Protocol::HandshakeV10). {@code authPluginData} is the 20-byte
 * scramble the client answers with its password proof. {@code extendedCapabilities} are MariaDB's
 * capability bits 32 to 63, sent in the last 4 of the 10 reserved bytes by a MariaDB server, which
 * then clears {@link CapabilityFlags#CLIENT_MYSQL}; 0 for MySQL and for Shardway itself.
 */
public record HandshakeV10(
    String serverVersion,
    long connectionId,
    byte[] authPluginData,
    int capabilities,
    int characterSet,
    int statusFlags,
    String authPluginName,
    int extendedCapabilities) {
  public static final int PROTOCOL_VERSION = 10;
  private static final int SCRAMBLE_PART1 = 8;
  private static final int RESERVED = 6;

  public HandshakeV10 {
    if (authPluginData.length < SCRAMBLE_PART1) {
      throw new IllegalArgumentException(
          "authPluginData: " + authPluginData.length + " bytes (expected: >= 8)");
    }
    authPluginData = authPluginData.clone();
  }

  /** A handshake without MariaDB's extended capabilities. */
  public HandshakeV10(
      String serverVersion,
      long connectionId,
      byte[] authPluginData,
      int capabilities,
      int characterSet,
      int statusFlags,
      String authPluginName) {
    this(
        serverVersion,
        connectionId,
        authPluginData,
        capabilities,
        characterSet,
        statusFlags,
        authPluginName,
        0);
  }

  @Override
  public byte[] authPluginData() {
    return authPluginData.clone();
  }

  public void encode(ByteBuf out) {
    out.writeByte(PROTOCOL_VERSION);
    PacketBuffers.writeNulString(out, serverVersion);
    out.writeIntLE((int) connectionId);
    out.writeBytes(authPluginData, 0, SCRAMBLE_PART1);
    out.writeByte(0);
    out.writeShortLE(capabilities);
    out.writeByte(characterSet);
    out.writeShortLE(statusFlags);
    out.writeShortLE(capabilities >>> 16);
    // The length counts the terminating NUL of the second scramble part.
    out.writeByte(authPluginData.length + 1);
    out.writeZero(RESERVED);
    out.writeIntLE(extendedCapabilities);
    out.writeBytes(authPluginData, SCRAMBLE_PART1, authPluginData.length - SCRAMBLE_PART1);
    out.writeByte(0);
    PacketBuffers.writeNulString(out, authPluginName);
  }

  public static HandshakeV10 decode(ByteBuf in) {
    int protocol = in.readUnsignedByte();
    if (protocol != PROTOCOL_VERSION) {
      throw new IllegalArgumentException("protocol version: " + protocol + " (expected: 10)");
    }
    String version = PacketBuffers.readNulString(in, StandardCharsets.UTF_8);
    long connectionId = in.readUnsignedIntLE();
    byte[] part1 = new byte[SCRAMBLE_PART1];
    in.readBytes(part1);
    in.skipBytes(1);
    int capabilities = in.readUnsignedShortLE();
    int charset = in.readUnsignedByte();
    int status = in.readUnsignedShortLE();
    capabilities |= in.readUnsignedShortLE() << 16;
    int dataLength = in.readUnsignedByte();
    in.skipBytes(RESERVED);
    int extended = in.readIntLE();
    int part2Length = Math.max(13, dataLength - SCRAMBLE_PART1);
    byte[] part2 = new byte[part2Length];
    in.readBytes(part2);
    int part2End = part2[part2Length - 1] == 0 ? part2Length - 1 : part2Length;
    byte[] scramble = Arrays.copyOf(part1, SCRAMBLE_PART1 + part2End);
    System.arraycopy(part2, 0, scramble, SCRAMBLE_PART1, part2End);
    String plugin = in.isReadable() ? PacketBuffers.readNulString(in) : "";
    return new HandshakeV10(
        version, connectionId, scramble, capabilities, charset, status, plugin, extended);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HandshakeV10 h
        && serverVersion.equals(h.serverVersion)
        && connectionId == h.connectionId
        && Arrays.equals(authPluginData, h.authPluginData)
        && capabilities == h.capabilities
        && characterSet == h.characterSet
        && statusFlags == h.statusFlags
        && authPluginName.equals(h.authPluginName)
        && extendedCapabilities == h.extendedCapabilities;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(authPluginData) * 31 + Long.hashCode(connectionId);
  }

  @Override
  public String toString() {
    return "HandshakeV10(" + serverVersion + ", id=" + connectionId + ", " + authPluginName + ")";
  }
}
