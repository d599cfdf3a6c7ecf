package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.Promise;
import io.shardway.config.BackendUser;
import io.shardway.protocol.AuthMoreData;
import io.shardway.protocol.AuthSwitchRequest;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.HandshakeResponse;
import io.shardway.protocol.HandshakeV10;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketFraming;
import io.shardway.protocol.auth.AuthPlugins;
import io.shardway.protocol.auth.CachingSha2Password;
import io.shardway.protocol.auth.NativePassword;
import java.util.Map;

/**
 * The client side of the handshake on a new {@link LoopConnection}: answers the server's greeting
 * with the backend user's credentials (mysql_native_password, or caching_sha2_password while the
 * server has the password cached) and follows an auth switch to either. Anything else fails as
 * {@linkplain Failure#permanent() permanent}, and the server is then served through the JDBC pool
 * only: full caching_sha2_password authentication, which needs TLS or the server's RSA key, is one.
 */
final class LoopLogin implements LoopConnection.Listener {
  /**
   * What Shardway asks for; the client's CLIENT_FOUND_ROWS and CLIENT_DEPRECATE_EOF come on top.
   */
  private static final int WANTED =
      CapabilityFlags.CLIENT_LONG_PASSWORD
          | CapabilityFlags.CLIENT_LONG_FLAG
          | CapabilityFlags.CLIENT_PROTOCOL_41
          | CapabilityFlags.CLIENT_TRANSACTIONS
          | CapabilityFlags.CLIENT_SECURE_CONNECTION
          | CapabilityFlags.CLIENT_MULTI_STATEMENTS
          | CapabilityFlags.CLIENT_MULTI_RESULTS
          | CapabilityFlags.CLIENT_PS_MULTI_RESULTS
          | CapabilityFlags.CLIENT_PLUGIN_AUTH
          | CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA;

  private static final int REQUIRED =
      CapabilityFlags.CLIENT_PROTOCOL_41
          | CapabilityFlags.CLIENT_SECURE_CONNECTION
          | CapabilityFlags.CLIENT_PLUGIN_AUTH;

  /** utf8mb4_general_ci; every session sets its own character set before its first statement. */
  private static final int CHARACTER_SET = 45;

  /** Why a login failed; a permanent failure will not go away by trying again. */
  static final class Failure extends Exception {
    private final boolean permanent;

    Failure(String message, boolean permanent) {
      super(message, null, false, false);
      this.permanent = permanent;
    }

    boolean permanent() {
      return permanent;
    }
  }

  private final LoopConnection connection;
  private final BackendUser user;
  private final Promise<LoopConnection> promise;
  private int capabilities;
  private boolean greeted;

  LoopLogin(LoopConnection connection, BackendUser user, Promise<LoopConnection> promise) {
    this.connection = connection;
    this.user = user;
    this.promise = promise;
  }

  @Override
  public void frame(ByteBuf frame) {
    try {
      int sequenceId = frame.getUnsignedByte(frame.readerIndex() + 3);
      step(
          frame.slice(
              frame.readerIndex() + PacketFraming.HEADER_SIZE,
              frame.readableBytes() - PacketFraming.HEADER_SIZE),
          sequenceId);
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      fail("malformed handshake packet: " + e.getMessage(), false);
    } finally {
      frame.release();
    }
  }

  @Override
  public void readComplete() {}

  @Override
  public void lost(String reason) {
    fail(reason, false);
  }

  private void step(ByteBuf payload, int sequenceId) {
    int first = payload.getUnsignedByte(payload.readerIndex());
    if (first == ErrPacket.HEADER) {
      fail(ErrPacket.decode(payload).message(), false);
    } else if (!greeted) {
      greeted = true;
      greet(HandshakeV10.decode(payload), sequenceId);
    } else if (first == OkPacket.HEADER) {
      connection.ready(capabilities);
      promise.trySuccess(connection);
    } else if (first == AuthSwitchRequest.HEADER && payload.readableBytes() > 1) {
      AuthSwitchRequest request = AuthSwitchRequest.decode(payload);
      byte[] proof = proof(request.pluginName(), request.pluginData());
      if (proof == null) {
        fail("the server asked for auth plugin " + request.pluginName(), true);
        return;
      }
      connection.write(Unpooled.wrappedBuffer(proof), sequenceId + 1);
    } else if (first == AuthMoreData.HEADER) {
      byte[] data = AuthMoreData.decode(payload).data();
      if (data.length != 1 || data[0] != AuthMoreData.FAST_AUTH_SUCCESS) {
        fail("caching_sha2_password asked for full authentication", true);
      }
    } else {
      fail("unexpected packet 0x" + Integer.toHexString(first) + " during authentication", false);
    }
  }

  private void greet(HandshakeV10 handshake, int sequenceId) {
    int flavor = connection.flavor();
    capabilities = (WANTED | flavor) & handshake.capabilities();
    if ((capabilities & (REQUIRED | flavor)) != (REQUIRED | flavor)) {
      fail(
          "the server lacks capabilities 0x"
              + Integer.toHexString((REQUIRED | flavor) & ~capabilities),
          true);
      return;
    }
    String plugin = handshake.authPluginName();
    byte[] proof = proof(plugin, handshake.authPluginData());
    if (proof == null) {
      // The server switches the login to the account's plugin when it differs.
      plugin = AuthPlugins.MYSQL_NATIVE_PASSWORD;
      proof = proof(plugin, handshake.authPluginData());
    }
    HandshakeResponse response =
        new HandshakeResponse(
            capabilities,
            PacketFraming.MAX_FRAME_PAYLOAD,
            CHARACTER_SET,
            user.name(),
            proof,
            null,
            plugin,
            Map.of());
    ByteBuf out = Unpooled.buffer();
    response.encode(out);
    connection.write(out, sequenceId + 1);
  }

  private byte[] proof(String plugin, byte[] seed) {
    return switch (plugin) {
      case AuthPlugins.MYSQL_NATIVE_PASSWORD -> NativePassword.scramble(user.password(), seed);
      case AuthPlugins.CACHING_SHA2_PASSWORD -> CachingSha2Password.scramble(user.password(), seed);
      default -> null;
    };
  }

  private void fail(String reason, boolean permanent) {
    if (promise.tryFailure(new Failure(reason, permanent))) {
      connection.close();
    }
  }
}
