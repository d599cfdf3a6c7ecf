package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's answer to the handshake (Protocol::HandshakeResponse41). A payload of exactly 32
 * bytes with CLIENT_SSL set is an SSLRequest: the client switches to TLS and sends the full
 * response afterwards; see {@link #isSslRequest}. {@code extendedCapabilities} are the MariaDB
 * capability bits 32 to 63 a MariaDB client sends in the last 4 of the 23 filler bytes when the
 * server offered them (see {@link HandshakeV10#extendedCapabilities}); otherwise 0.
 */
public record HandshakeResponse(
    int capabilities,
    int maxPacketSize,
    int characterSet,
    String username,
    byte[] authResponse,
    String database,
    String authPluginName,
    Map<String, String> connectAttributes,
    int extendedCapabilities) {
  private static final int FIXED_PART = 32;
  private static final int FILLER = 19;

  public HandshakeResponse {
    authResponse = authResponse.clone();
    connectAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(connectAttributes));
  }

  /** A response without MariaDB's extended capabilities. */
  public HandshakeResponse(
      int capabilities,
      int maxPacketSize,
      int characterSet,
      String username,
      byte[] authResponse,
      String database,
      String authPluginName,
      Map<String, String> connectAttributes) {
    this(
        capabilities,
        maxPacketSize,
        characterSet,
        username,
        authResponse,
        database,
        authPluginName,
        connectAttributes,
        0);
  }

  @Override
  public byte[] authResponse() {
    return authResponse.clone();
  }

  public static boolean isSslRequest(ByteBuf payload) {
    return payload.readableBytes() == FIXED_PART
        && CapabilityFlags.has(payload.getIntLE(payload.readerIndex()), CapabilityFlags.CLIENT_SSL);
  }

  /** The capability flags in an SSLRequest or full response, without consuming them. */
  public static int peekCapabilities(ByteBuf payload) {
    return payload.getIntLE(payload.readerIndex());
  }

  public static HandshakeResponse decode(ByteBuf in) {
    int capabilities = in.readIntLE();
    if (!CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_PROTOCOL_41)) {
      throw new IllegalArgumentException("client does not speak protocol 4.1");
    }
    int maxPacket = in.readIntLE();
    int charset = in.readUnsignedByte();
    in.skipBytes(FILLER);
    int extended = in.readIntLE();
    String user = PacketBuffers.readNulString(in, StandardCharsets.UTF_8);
    byte[] auth;
    if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
      auth = PacketBuffers.readLenencBytes(in);
    } else if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_SECURE_CONNECTION)) {
      auth = new byte[in.readUnsignedByte()];
      in.readBytes(auth);
    } else {
      auth = PacketBuffers.readNulString(in).getBytes(StandardCharsets.UTF_8);
    }
    String database = null;
    if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_CONNECT_WITH_DB)
        && in.isReadable()) {
      database = PacketBuffers.readNulString(in, StandardCharsets.UTF_8);
    }
    String plugin = null;
    if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH) && in.isReadable()) {
      plugin = PacketBuffers.readNulString(in, StandardCharsets.UTF_8);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_CONNECT_ATTRS)
        && in.isReadable()) {
      int length = (int) PacketBuffers.readLenencInt(in);
      ByteBuf attrs = in.readSlice(length);
      while (attrs.isReadable()) {
        attributes.put(
            PacketBuffers.readLenencString(attrs), PacketBuffers.readLenencString(attrs));
      }
    }
    return new HandshakeResponse(
        capabilities, maxPacket, charset, user, auth, database, plugin, attributes, extended);
  }

  public void encode(ByteBuf out) {
    out.writeIntLE(capabilities);
    out.writeIntLE(maxPacketSize);
    out.writeByte(characterSet);
    out.writeZero(FILLER);
    out.writeIntLE(extendedCapabilities);
    PacketBuffers.writeNulString(out, username);
    if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
      PacketBuffers.writeLenencBytes(out, authResponse);
    } else if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_SECURE_CONNECTION)) {
      out.writeByte(authResponse.length).writeBytes(authResponse);
    } else {
      out.writeBytes(authResponse).writeByte(0);
    }
    if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_CONNECT_WITH_DB)) {
      PacketBuffers.writeNulString(out, database == null ? "" : database);
    }
    if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH)) {
      PacketBuffers.writeNulString(out, authPluginName == null ? "" : authPluginName);
    }
    if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_CONNECT_ATTRS)) {
      ByteBuf attrs = out.alloc().buffer();
      try {
        connectAttributes.forEach(
            (k, v) -> {
              PacketBuffers.writeLenencString(attrs, k);
              PacketBuffers.writeLenencString(attrs, v);
            });
        PacketBuffers.writeLenencInt(out, attrs.readableBytes());
        out.writeBytes(attrs);
      } finally {
        attrs.release();
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HandshakeResponse r
        && capabilities == r.capabilities
        && maxPacketSize == r.maxPacketSize
        && characterSet == r.characterSet
        && username.equals(r.username)
        && Arrays.equals(authResponse, r.authResponse)
        && java.util.Objects.equals(database, r.database)
        && java.util.Objects.equals(authPluginName, r.authPluginName)
        && connectAttributes.equals(r.connectAttributes)
        && extendedCapabilities == r.extendedCapabilities;
  }

  @Override
  public int hashCode() {
    return username.hashCode() * 31 + Arrays.hashCode(authResponse);
  }

  @Override
  public String toString() {
    return "HandshakeResponse(user=" + username + ", db=" + database + ", " + authPluginName + ")";
  }
}
