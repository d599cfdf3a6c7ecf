package io.shardway.server.backend;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.NativeSession;
import com.mysql.cj.protocol.SocketConnection;
import com.mysql.cj.protocol.a.NativePacketPayload;
import com.mysql.cj.protocol.a.NativeProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.HandshakeV10;
import io.shardway.protocol.PacketFraming;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Raw MySQL packets over a connection that mysql-connector-j opened and authenticated. The driver
 * and HikariCP own the connection's life (connect, TLS, auth, validation, eviction); Shardway only
 * borrows its socket between commands, so results pass through byte for byte instead of being
 * decoded into JDBC objects and encoded again.
 *
 * <p>Every command starts at sequence id 0, as the protocol requires, so the driver finds the
 * stream in a clean state whenever it uses the connection itself (HikariCP's ping, for one).
 */
public final class BackendChannel {
  private final InputStream in;
  private final OutputStream out;
  private final int capabilities;
  private final HandshakeV10 serverHandshake;
  private final byte[] header = new byte[PacketFraming.HEADER_SIZE];
  private final byte[] copyBuffer = new byte[8192];
  private int lastSequenceId;

  private BackendChannel(
      InputStream in, OutputStream out, int capabilities, HandshakeV10 serverHandshake) {
    this.in = in;
    this.out = out;
    this.capabilities = capabilities;
    this.serverHandshake = serverHandshake;
  }

  /** Opens the raw view of a pooled mysql-connector-j connection. */
  public static BackendChannel of(Connection connection) throws SQLException {
    MysqlConnection mysql = connection.unwrap(MysqlConnection.class);
    NativeProtocol protocol = ((NativeSession) mysql.getSession()).getProtocol();
    SocketConnection socket = protocol.getSocketConnection();
    try {
      return new BackendChannel(
          socket.getMysqlInput(),
          socket.getMysqlOutput(),
          (int) protocol.getServerSession().getClientParam(),
          handshakeOf(protocol));
    } catch (IOException e) {
      throw new SQLException("backend connection has no open socket", "08S01", e);
    }
  }

  /**
   * The server's handshake as it was sent: its version string ("5.5.5-10.11.5-MariaDB", say) and
   * default collation. Clients pick features and dialect from the version, so Shardway announces
   * the same.
   */
  private static HandshakeV10 handshakeOf(NativeProtocol protocol) {
    NativePacketPayload packet =
        protocol.getServerSession().getCapabilities().getInitialHandshakePacket();
    return HandshakeV10.decode(
        Unpooled.wrappedBuffer(packet.getByteBuffer(), 0, packet.getPayloadLength()));
  }

  public HandshakeV10 serverHandshake() {
    return serverHandshake;
  }

  /** The capability flags the driver negotiated with this server. */
  public int capabilities() {
    return capabilities;
  }

  /** Sends one command payload (the command byte first), split into frames when large. */
  public void writeCommand(ByteBuf payload) throws IOException {
    writePacket(payload, 0);
  }

  /**
   * Sends a COM_QUERY payload. A MySQL 8.0.23+ server that negotiated query attributes expects an
   * attribute count before the text; Shardway forwards none.
   */
  public void writeQuery(ByteBuf payload) throws IOException {
    if (!CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_QUERY_ATTRIBUTES)) {
      writePacket(payload, 0);
      return;
    }
    ByteBuf withAttributes = payload.alloc().heapBuffer(payload.readableBytes() + 2);
    try {
      withAttributes.writeByte(payload.getByte(payload.readerIndex()));
      withAttributes.writeByte(0).writeByte(1);
      withAttributes.writeBytes(payload, payload.readerIndex() + 1, payload.readableBytes() - 1);
      writePacket(withAttributes, 0);
    } finally {
      withAttributes.release();
    }
  }

  /** Sends a packet that continues an exchange (auth data, LOCAL INFILE contents). */
  public void writePacket(ByteBuf payload, int sequenceId) throws IOException {
    int index = payload.readerIndex();
    int remaining = payload.readableBytes();
    int seq = sequenceId;
    while (true) {
      int chunk = Math.min(remaining, PacketFraming.MAX_FRAME_PAYLOAD);
      header[0] = (byte) chunk;
      header[1] = (byte) (chunk >>> 8);
      header[2] = (byte) (chunk >>> 16);
      header[3] = (byte) seq;
      out.write(header);
      payload.getBytes(index, out, chunk);
      seq = (seq + 1) & 0xFF;
      index += chunk;
      remaining -= chunk;
      if (chunk < PacketFraming.MAX_FRAME_PAYLOAD) {
        break;
      }
    }
    out.flush();
  }

  /** Reads the next frame header and returns the frame's payload length. */
  public int readFrameHeader() throws IOException {
    readFully(header, 0, PacketFraming.HEADER_SIZE);
    lastSequenceId = header[3] & 0xFF;
    return (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
  }

  /** The sequence id of the last frame read. */
  public int lastSequenceId() {
    return lastSequenceId;
  }

  /** Reads {@code length} payload bytes and appends them to {@code target}. */
  public void readPayload(ByteBuf target, int length) throws IOException {
    if (target.hasArray()) {
      target.ensureWritable(length);
      int offset = target.arrayOffset() + target.writerIndex();
      readFully(target.array(), offset, length);
      target.writerIndex(target.writerIndex() + length);
      return;
    }
    int remaining = length;
    while (remaining > 0) {
      int chunk = Math.min(remaining, copyBuffer.length);
      readFully(copyBuffer, 0, chunk);
      target.writeBytes(copyBuffer, 0, chunk);
      remaining -= chunk;
    }
  }

  /** Reads {@code length} payload bytes and drops them. */
  public void skipPayload(int length) throws IOException {
    int remaining = length;
    while (remaining > 0) {
      int chunk = Math.min(remaining, copyBuffer.length);
      readFully(copyBuffer, 0, chunk);
      remaining -= chunk;
    }
  }

  /** Reads one whole packet, joining continuation frames. The caller releases the buffer. */
  public ByteBuf readPacket(ByteBufAllocator alloc) throws IOException {
    int length = readFrameHeader();
    ByteBuf payload = alloc.heapBuffer(length);
    try {
      readPayload(payload, length);
      while (length == PacketFraming.MAX_FRAME_PAYLOAD) {
        length = readFrameHeader();
        readPayload(payload, length);
      }
      return payload;
    } catch (IOException | RuntimeException e) {
      payload.release();
      throw e;
    }
  }

  private void readFully(byte[] buffer, int offset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int n = in.read(buffer, offset + done, length - done);
      if (n < 0) {
        throw new EOFException("backend closed the connection");
      }
      done += n;
    }
  }
}
