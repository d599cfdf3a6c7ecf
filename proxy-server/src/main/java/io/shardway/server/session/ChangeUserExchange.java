package io.shardway.server.session;

import io.netty.buffer.ByteBuf;
import io.shardway.config.User;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.PacketBuffers;
import io.shardway.server.frontend.AuthExchange;
import io.shardway.server.frontend.ClientWriter;
import java.nio.charset.StandardCharsets;

/**
 * COM_CHANGE_USER: authenticates the new user against the scramble of the original handshake,
 * possibly over several packets, then says which user, schema and character set to start over with.
 */
final class ChangeUserExchange {
  /** How the exchange ended: a user, schema and collation, or an error. */
  record Result(User user, String schema, int collationId, ErrPacket error) {}

  private final SessionContext context;
  private final AuthExchange auth;
  private final String host;
  private final int capabilities;
  private String schema;
  private int collationId;

  ChangeUserExchange(
      SessionContext context, byte[] scramble, String host, int capabilities, boolean secure) {
    this.context = context;
    this.auth = new AuthExchange(context.auth(), scramble, secure, host);
    this.host = host;
    this.capabilities = capabilities;
  }

  /** Reads the COM_CHANGE_USER packet; returns the result, or null when more packets follow. */
  Result start(ByteBuf payload, ClientWriter writer, int currentCollationId) {
    ByteBuf in = payload.duplicate();
    in.skipBytes(1);
    String username = PacketBuffers.readNulString(in, StandardCharsets.UTF_8);
    byte[] authResponse;
    if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_SECURE_CONNECTION)) {
      authResponse = new byte[in.readUnsignedByte()];
      in.readBytes(authResponse);
    } else {
      authResponse = PacketBuffers.readNulString(in).getBytes(StandardCharsets.UTF_8);
    }
    schema = in.isReadable() ? PacketBuffers.readNulString(in, StandardCharsets.UTF_8) : "";
    collationId = in.readableBytes() >= 2 ? in.readUnsignedShortLE() : currentCollationId;
    String plugin = null;
    if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH) && in.isReadable()) {
      plugin = PacketBuffers.readNulString(in, StandardCharsets.UTF_8);
    }
    return handle(auth.start(username, authResponse, plugin), writer);
  }

  Result next(ByteBuf payload, ClientWriter writer) {
    return handle(auth.next(payload.duplicate()), writer);
  }

  private Result handle(AuthExchange.Step step, ClientWriter writer) {
    for (ByteBuf reply : step.replies()) {
      try {
        writer.packet(reply);
      } finally {
        reply.release();
      }
    }
    if (step.error() != null) {
      return new Result(null, null, 0, step.error());
    }
    if (step.user() == null) {
      return null;
    }
    String selected = schema.isEmpty() ? null : schema;
    if (selected != null) {
      ErrPacket denied = context.schemas().check(step.user(), host, selected);
      if (denied != null) {
        return new Result(null, null, 0, denied);
      }
    }
    return new Result(step.user(), selected, collationId, null);
  }
}
