package io.shardway.server.it;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.HandshakeResponse;
import io.shardway.protocol.HandshakeV10;
import io.shardway.protocol.auth.NativePassword;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A MySQL client made of a plain socket, for sending what no driver sends: garbage, half packets,
 * oversized headers. Every read has a timeout, so a test never waits longer than it says.
 */
final class RawMysqlClient implements AutoCloseable {
  static final int UTF8MB4_GENERAL_CI = 45;

  /** Protocol 4.1 with plugin auth and a schema in the response; nothing optional. */
  static final int CAPABILITIES =
      CapabilityFlags.CLIENT_LONG_PASSWORD
          | CapabilityFlags.CLIENT_PROTOCOL_41
          | CapabilityFlags.CLIENT_SECURE_CONNECTION
          | CapabilityFlags.CLIENT_PLUGIN_AUTH
          | CapabilityFlags.CLIENT_CONNECT_WITH_DB
          | CapabilityFlags.CLIENT_TRANSACTIONS
          | CapabilityFlags.CLIENT_MULTI_RESULTS;

  /** One packet as read: its sequence id and payload. */
  record RawPacket(int sequenceId, byte[] payload) {
    int first() {
      return payload.length == 0 ? -1 : payload[0] & 0xFF;
    }

    boolean isErr() {
      return first() == ErrPacket.HEADER;
    }

    boolean isOk() {
      return first() == 0x00;
    }

    ErrPacket err() {
      return ErrPacket.decode(Unpooled.wrappedBuffer(payload));
    }

    @Override
    public String toString() {
      return "RawPacket(seq="
          + sequenceId
          + ", "
          + ByteBufUtil.hexDump(payload, 0, Math.min(payload.length, 64))
          + ")";
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  private RawMysqlClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects; every later read gives up after {@code readTimeout}. */
  static RawMysqlClient connect(int port, Duration readTimeout) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) readTimeout.toMillis());
    socket.setTcpNoDelay(true);
    return new RawMysqlClient(socket);
  }

  HandshakeV10 readHandshake() throws IOException {
    return HandshakeV10.decode(Unpooled.wrappedBuffer(read().payload()));
  }

  RawPacket read() throws IOException {
    byte[] header = new byte[4];
    in.readFully(header);
    int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new RawPacket(header[3] & 0xFF, payload);
  }

  /** Reads exactly {@code n} bytes, whatever they are. */
  byte[] readBytes(int n) throws IOException {
    byte[] bytes = new byte[n];
    in.readFully(bytes);
    return bytes;
  }

  void write(int sequenceId, byte[] payload) throws IOException {
    byte[] frame = new byte[payload.length + 4];
    frame[0] = (byte) payload.length;
    frame[1] = (byte) (payload.length >>> 8);
    frame[2] = (byte) (payload.length >>> 16);
    frame[3] = (byte) sequenceId;
    System.arraycopy(payload, 0, frame, 4, payload.length);
    writeRaw(frame);
  }

  void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The payload of a handshake response to {@code handshake}, proving {@code password}. */
  static byte[] handshakeResponse(
      HandshakeV10 handshake, String user, String password, String schema, String plugin) {
    byte[] proof = NativePassword.scramble(password, handshake.authPluginData());
    return bytes(
        b ->
            new HandshakeResponse(
                    CAPABILITIES,
                    16 * 1024 * 1024,
                    UTF8MB4_GENERAL_CI,
                    user,
                    proof,
                    schema,
                    plugin,
                    Map.of())
                .encode(b));
  }

  /**
   * Logs in with mysql_native_password (the shared proxy's default plugin) and returns the proxy's
   * handshake (its connection id names the session in the log); fails if the proxy does not answer
   * OK.
   */
  HandshakeV10 login(String user, String password, String schema) throws IOException {
    HandshakeV10 handshake = readHandshake();
    write(1, handshakeResponse(handshake, user, password, schema, "mysql_native_password"));
    RawPacket reply = read();
    if (!reply.isOk()) {
      throw new IllegalStateException("login failed: " + reply);
    }
    return handshake;
  }

  /**
   * Waits for the proxy to close the connection, skipping whatever it still sends; true when it did
   * within the read timeout, false when the timeout passed first.
   */
  boolean awaitClosedByPeer() throws IOException {
    byte[] sink = new byte[4096];
    try {
      while (in.read(sink) >= 0) {
        // skip
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      // A reset counts as closed.
      return true;
    }
  }

  /** True when a read returns end of stream now (the proxy has closed the connection). */
  static boolean isEof(IOException e) {
    return e instanceof EOFException || e instanceof SocketException;
  }

  void setReadTimeout(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
  }

  static byte[] bytes(Consumer<ByteBuf> writer) {
    ByteBuf buf = Unpooled.buffer();
    try {
      writer.accept(buf);
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
