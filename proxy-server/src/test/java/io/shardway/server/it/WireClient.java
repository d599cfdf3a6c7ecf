package io.shardway.server.it;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.HandshakeResponse;
import io.shardway.protocol.HandshakeV10;
import io.shardway.protocol.PacketBuffers;
import io.shardway.protocol.ServerStatus;
import io.shardway.protocol.auth.NativePassword;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A MySQL client that speaks packets and no more, with the capability flags a test chooses (with or
 * without CLIENT_DEPRECATE_EOF, say), so a fidelity test can compare the bytes of every response
 * packet from MariaDB and from Shardway. It knows only where each kind of response ends.
 */
final class WireClient implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 30_000;
  private static final int UTF8MB4_GENERAL_CI = 45;
  private static final int MAX_FRAME = 0xFFFFFF;

  /** Protocol 4.1, native password auth, a schema at login, multi-statements and multi-results. */
  static final int BASE_CAPABILITIES =
      CapabilityFlags.CLIENT_MYSQL
          | CapabilityFlags.CLIENT_LONG_FLAG
          | CapabilityFlags.CLIENT_PROTOCOL_41
          | CapabilityFlags.CLIENT_SECURE_CONNECTION
          | CapabilityFlags.CLIENT_PLUGIN_AUTH
          | CapabilityFlags.CLIENT_CONNECT_WITH_DB
          | CapabilityFlags.CLIENT_TRANSACTIONS
          | CapabilityFlags.CLIENT_MULTI_STATEMENTS
          | CapabilityFlags.CLIENT_MULTI_RESULTS
          | CapabilityFlags.CLIENT_PS_MULTI_RESULTS;

  /**
   * One packet: sequence id and payload; {@code metadataEof} marks the EOF after column or
   * parameter definitions (only without CLIENT_DEPRECATE_EOF).
   */
  record Frame(int sequenceId, byte[] payload, boolean metadataEof) {
    Frame asMetadataEof() {
      return new Frame(sequenceId, payload, true);
    }

    int statusFlags() {
      return eofStatus(payload);
    }

    ErrPacket err() {
      return ErrPacket.decode(Unpooled.wrappedBuffer(payload));
    }

    int first() {
      return payload.length == 0 ? -1 : payload[0] & 0xFF;
    }

    @Override
    public String toString() {
      return "seq " + sequenceId + ": " + ByteBufUtil.hexDump(payload);
    }
  }

  /** How the response to a command ends. */
  enum Response {
    /** COM_QUERY, COM_STMT_EXECUTE: OK, ERR or result sets, following MORE_RESULTS_EXISTS. */
    RESULTS,
    /** COM_STMT_PREPARE: Stmt-Prepare-OK and its parameter and column definitions, or ERR. */
    PREPARE,
    /** COM_STMT_FETCH: rows up to the end marker, or ERR. */
    ROWS,
    /** COM_FIELD_LIST: column definitions up to the end marker, or ERR. */
    FIELD_LIST,
    /** One OK, EOF or ERR packet. */
    SINGLE,
    /** No reply at all (COM_STMT_CLOSE). */
    NONE
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final boolean deprecateEof;

  private WireClient(Socket socket, boolean deprecateEof) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.deprecateEof = deprecateEof;
  }

  /** Connects and logs in with mysql_native_password; fails unless the server says OK. */
  static WireClient login(Endpoint endpoint, String schema, int capabilities) throws IOException {
    Socket socket = new Socket("127.0.0.1", endpoint.port());
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    WireClient client =
        new WireClient(
            socket, CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_DEPRECATE_EOF));
    try {
      client.authenticate(endpoint, schema, capabilities);
      return client;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private void authenticate(Endpoint endpoint, String schema, int capabilities) throws IOException {
    HandshakeV10 handshake = HandshakeV10.decode(Unpooled.wrappedBuffer(read().payload()));
    byte[] proof = NativePassword.scramble(endpoint.password(), handshake.authPluginData());
    HandshakeResponse response =
        new HandshakeResponse(
            capabilities,
            MAX_FRAME,
            UTF8MB4_GENERAL_CI,
            endpoint.user(),
            proof,
            schema,
            "mysql_native_password",
            Map.of());
    write(1, bytes(response::encode));
    Frame reply = read();
    if (reply.first() == 0xFE) {
      // Auth switch request: the plugin name, then the new seed (NUL-terminated).
      ByteBuf b = Unpooled.wrappedBuffer(reply.payload());
      b.skipBytes(1);
      PacketBuffers.readNulString(b);
      byte[] seed = new byte[20];
      b.readBytes(seed);
      write(reply.sequenceId() + 1, NativePassword.scramble(endpoint.password(), seed));
      reply = read();
    }
    if (reply.first() != 0x00) {
      throw new IllegalStateException(endpoint + ": login failed: " + reply);
    }
  }

  /** Sends a command (sequence id 0) and reads its whole response. */
  List<Frame> command(byte[] payload, Response response) throws IOException {
    write(0, payload);
    List<Frame> frames = new ArrayList<>();
    switch (response) {
      case RESULTS -> readResults(frames);
      case PREPARE -> readPrepare(frames);
      case ROWS -> readRows(frames);
      case FIELD_LIST -> readRows(frames);
      case SINGLE -> frames.add(read());
      case NONE -> {}
    }
    return frames;
  }

  static byte[] query(String sql) {
    return command(0x03, sql.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] command(int command, byte[] arguments) {
    byte[] payload = Arrays.copyOf(new byte[] {(byte) command}, arguments.length + 1);
    System.arraycopy(arguments, 0, payload, 1, arguments.length);
    return payload;
  }

  private void readResults(List<Frame> frames) throws IOException {
    while (true) {
      Frame first = add(frames, read());
      if (first.first() == 0xFF) {
        return;
      }
      int status;
      if (first.first() == 0x00) {
        status = okStatus(first.payload());
      } else {
        long columns = PacketBuffers.readLenencInt(Unpooled.wrappedBuffer(first.payload()));
        for (long i = 0; i < columns; i++) {
          add(frames, read());
        }
        if (!deprecateEof) {
          Frame eof = add(frames, read().asMetadataEof());
          if (ServerStatus.has(eofStatus(eof.payload()), ServerStatus.CURSOR_EXISTS)) {
            return; // rows come through COM_STMT_FETCH
          }
        }
        status = readRows(frames);
        if (status < 0) {
          return;
        }
      }
      if (!ServerStatus.has(status, ServerStatus.MORE_RESULTS_EXISTS)) {
        return;
      }
    }
  }

  /** Rows (or definitions) up to the end marker; returns its status, or -1 after an ERR. */
  private int readRows(List<Frame> frames) throws IOException {
    while (true) {
      Frame row = add(frames, read());
      if (row.first() == 0xFF) {
        return -1;
      }
      if (row.first() == 0xFE && row.payload().length < (deprecateEof ? MAX_FRAME : 9)) {
        return deprecateEof ? okStatus(row.payload()) : eofStatus(row.payload());
      }
    }
  }

  private void readPrepare(List<Frame> frames) throws IOException {
    Frame ok = add(frames, read());
    if (ok.first() != 0x00) {
      return;
    }
    ByteBuf b = Unpooled.wrappedBuffer(ok.payload());
    int columns = b.getUnsignedShortLE(5);
    int params = b.getUnsignedShortLE(7);
    for (int count : new int[] {params, columns}) {
      if (count > 0) {
        for (int i = 0; i < count; i++) {
          add(frames, read());
        }
        if (!deprecateEof) {
          add(frames, read().asMetadataEof());
        }
      }
    }
  }

  private static int eofStatus(byte[] payload) {
    return (payload[3] & 0xFF) | (payload[4] & 0xFF) << 8;
  }

  private static int okStatus(byte[] payload) {
    ByteBuf b = Unpooled.wrappedBuffer(payload);
    b.skipBytes(1);
    PacketBuffers.readLenencInt(b);
    PacketBuffers.readLenencInt(b);
    return b.readUnsignedShortLE();
  }

  private static Frame add(List<Frame> frames, Frame frame) {
    frames.add(frame);
    return frame;
  }

  private Frame read() throws IOException {
    byte[] header = new byte[4];
    in.readFully(header);
    int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new Frame(header[3] & 0xFF, payload, false);
  }

  private void write(int sequenceId, byte[] payload) throws IOException {
    byte[] frame = new byte[payload.length + 4];
    frame[0] = (byte) payload.length;
    frame[1] = (byte) (payload.length >>> 8);
    frame[2] = (byte) (payload.length >>> 16);
    frame[3] = (byte) sequenceId;
    System.arraycopy(payload, 0, frame, 4, payload.length);
    out.write(frame);
    out.flush();
  }

  static byte[] bytes(java.util.function.Consumer<ByteBuf> writer) {
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
    try {
      write(0, new byte[] {0x01}); // COM_QUIT
    } finally {
      socket.close();
    }
  }
}
