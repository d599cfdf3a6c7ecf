package io.shardway.server.frontend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.shardway.config.User;
import io.shardway.protocol.AuthMoreData;
import io.shardway.protocol.AuthSwitchRequest;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.PacketBuffers;
import io.shardway.protocol.auth.AuthPlugins;
import io.shardway.protocol.auth.CachingSha2Password;
import io.shardway.protocol.auth.CleartextPassword;
import io.shardway.protocol.auth.NativePassword;
import java.util.List;
import java.util.Map;

/**
 * One authentication conversation with a client, at connect time or for COM_CHANGE_USER. The caller
 * feeds it the client's packets and sends what it returns; it holds no I/O itself.
 *
 * <p>caching_sha2_password takes the fast path (scramble check) unless the configuration asks for
 * full authentication, as a MySQL server with a cold cache would: then the client sends its
 * password over TLS, or RSA-encrypted after asking for the public key on plain TCP.
 */
public final class AuthExchange {
  private static final byte REQUEST_PUBLIC_KEY = 0x02;

  /** What to do next: send {@code replies}, then continue, succeed or fail. */
  public record Step(List<ByteBuf> replies, User user, ErrPacket error) {
    boolean isDone() {
      return user != null || error != null;
    }
  }

  private enum State {
    SWITCHING,
    FULL_AUTH,
    RSA_PASSWORD,
    DONE
  }

  private final AuthSettings settings;
  private final byte[] scramble;
  private final boolean secureTransport;
  private final String host;
  private User user;
  private String username;
  private State state;

  public AuthExchange(
      AuthSettings settings, byte[] scramble, boolean secureTransport, String host) {
    this.settings = settings;
    this.scramble = scramble.clone();
    this.secureTransport = secureTransport;
    this.host = host;
  }

  /** The plugin the server names in its handshake. */
  public String serverPlugin() {
    return settings.plugin();
  }

  /** Starts with the user name and password proof of a handshake response or COM_CHANGE_USER. */
  public Step start(String username, byte[] authResponse, String clientPlugin) {
    this.username = username;
    this.user = settings.users().get(username);
    if (user == null) {
      return fail(authResponse.length > 0);
    }
    String plugin = clientPlugin == null ? AuthPlugins.MYSQL_NATIVE_PASSWORD : clientPlugin;
    if (!plugin.equals(settings.plugin())) {
      state = State.SWITCHING;
      return send(buffer(b -> new AuthSwitchRequest(settings.plugin(), scramble).encode(b)));
    }
    return verify(authResponse);
  }

  /** Continues with the client's next packet. */
  public Step next(ByteBuf payload) {
    byte[] data = PacketBuffers.readRestBytes(payload);
    switch (state) {
      case SWITCHING:
        return verify(data);
      case FULL_AUTH:
        if (secureTransport) {
          return checkPassword(CleartextPassword.decode(data));
        }
        if (data.length == 1 && data[0] == REQUEST_PUBLIC_KEY) {
          state = State.RSA_PASSWORD;
          return send(buffer(b -> new AuthMoreData(settings.rsaCipher().publicKeyPem()).encode(b)));
        }
        // A cleartext password over plain TCP is refused, as MySQL refuses it.
        return fail(true);
      case RSA_PASSWORD:
        String password = settings.rsaCipher().decryptPassword(data, scramble);
        return password == null ? fail(true) : checkPassword(password);
      default:
        throw new IllegalStateException("authentication already ended");
    }
  }

  private Step verify(byte[] proof) {
    String password = user.password();
    if (proof.length == 0 || password.isEmpty()) {
      return proof.length == 0 && password.isEmpty() ? succeed() : fail(proof.length > 0);
    }
    if (settings.plugin().equals(AuthPlugins.MYSQL_NATIVE_PASSWORD)) {
      return NativePassword.verify(password, scramble, proof) ? succeed() : fail(true);
    }
    if (settings.requireFullAuth()) {
      state = State.FULL_AUTH;
      return send(moreData(AuthMoreData.PERFORM_FULL_AUTHENTICATION));
    }
    if (!CachingSha2Password.verify(password, scramble, proof)) {
      return fail(true);
    }
    state = State.DONE;
    return new Step(List.of(moreData(AuthMoreData.FAST_AUTH_SUCCESS)), user, null);
  }

  private Step checkPassword(String password) {
    return user.password().equals(password) ? succeed() : fail(true);
  }

  private Step succeed() {
    state = State.DONE;
    return new Step(List.of(), user, null);
  }

  private Step fail(boolean usingPassword) {
    state = State.DONE;
    String message =
        "Access denied for user '"
            + username
            + "'@'"
            + host
            + "' (using password: "
            + (usingPassword ? "YES" : "NO")
            + ")";
    return new Step(List.of(), null, new ErrPacket(1045, "28000", message));
  }

  private static Step send(ByteBuf reply) {
    return new Step(List.of(reply), null, null);
  }

  private static ByteBuf moreData(byte status) {
    return buffer(b -> new AuthMoreData(new byte[] {status}).encode(b));
  }

  private static ByteBuf buffer(java.util.function.Consumer<ByteBuf> writer) {
    ByteBuf buf = Unpooled.buffer(64);
    writer.accept(buf);
    return buf;
  }

  /** The fixed inputs of every exchange. */
  public record AuthSettings(
      Map<String, User> users,
      String plugin,
      boolean requireFullAuth,
      io.shardway.protocol.auth.RsaPasswordCipher rsaCipher) {}
}
