package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.EofPacket;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketBuffers;
import io.shardway.protocol.PacketFraming;
import io.shardway.protocol.ServerStatus;
import io.shardway.server.frontend.ClientWriter;
import java.io.IOException;

/**
 * Copies a backend's response to a client packet by packet, renumbering sequence ids and
 * translating the end-of-metadata and end-of-rows markers when the two sides negotiated
 * CLIENT_DEPRECATE_EOF differently: an EOF packet for one is an OK packet with a 0xFE header for
 * the other, and the EOF after column definitions exists only without the flag.
 */
public final class ResultRelay {
  /** Server status flags that describe the session rather than one statement's result. */
  private static final int LASTING_STATUS =
      ServerStatus.IN_TRANS
          | ServerStatus.AUTOCOMMIT
          | ServerStatus.IN_TRANS_READONLY
          | ServerStatus.NO_BACKSLASH_ESCAPES;

  private static final int NO_PENDING_ROW = -2;

  private final BackendChannel backend;
  private final ClientWriter client;
  private final boolean backendDeprecatesEof;
  private final boolean clientDeprecatesEof;

  /** The status flags of the EOF packets Shardway writes where the backend sent none. */
  private final int metadataStatus;

  /** Where the last packet relayed by {@link #readIntoClient} starts in the client buffer. */
  private int packetStart;

  private int packetLength;

  /**
   * The first byte of a packet after column definitions that {@link #relayMetadataEof} relayed
   * already and {@link #relayRows} has yet to look at, or {@link #NO_PENDING_ROW}.
   */
  private int pendingRow = NO_PENDING_ROW;

  /**
   * @param sessionStatus the session's last server status, whose lasting flags (transaction,
   *     autocommit, NO_BACKSLASH_ESCAPES) go into the EOF packets written for a client without
   *     CLIENT_DEPRECATE_EOF after column definitions: the backend, which has the flag, sends none.
   */
  public ResultRelay(
      BackendChannel backend, ClientWriter client, int clientCapabilities, int sessionStatus) {
    this.backend = backend;
    this.client = client;
    this.metadataStatus = sessionStatus & LASTING_STATUS;
    this.backendDeprecatesEof =
        CapabilityFlags.has(backend.capabilities(), CapabilityFlags.CLIENT_DEPRECATE_EOF);
    this.clientDeprecatesEof =
        CapabilityFlags.has(clientCapabilities, CapabilityFlags.CLIENT_DEPRECATE_EOF);
  }

  /**
   * Relays the response to COM_QUERY or COM_STMT_EXECUTE: OK, ERR, or result sets (text or binary
   * rows alike), following SERVER_MORE_RESULTS_EXISTS through every result of a multi-statement or
   * a stored procedure call.
   */
  public RelayOutcome relayResults() throws IOException {
    RelayOutcome outcome = new RelayOutcome();
    while (true) {
      int first = readIntoClient();
      int status;
      if (first == OkPacket.HEADER) {
        OkPacket ok = OkPacket.decode(lastPacket());
        outcome.ok(ok.affectedRows(), ok.lastInsertId(), ok.statusFlags(), ok.warnings());
        status = ok.statusFlags();
      } else if (first == ErrPacket.HEADER) {
        outcome.error(ErrPacket.decode(lastPacket()));
        return outcome;
      } else if (first == 0xFB) {
        throw new IOException("backend asked for a LOCAL INFILE that was never allowed");
      } else {
        long columns = PacketBuffers.readLenencInt(lastPacket());
        if (!relayColumnDefinitions(columns, outcome)) {
          return outcome;
        }
        status = relayRows(outcome);
        if (outcome.failed()) {
          return outcome;
        }
      }
      client.flushIfLarge();
      if (!ServerStatus.has(status, ServerStatus.MORE_RESULTS_EXISTS)) {
        return outcome;
      }
    }
  }

  /**
   * Relays the response to COM_STMT_PREPARE: ERR, or Stmt-Prepare-OK followed by parameter and
   * column definitions. Returns the backend's statement, or null on error (with the outcome's error
   * set).
   */
  public PreparedStatement relayPrepare(RelayOutcome outcome, long clientStatementId)
      throws IOException {
    int first = readIntoClient();
    if (first == ErrPacket.HEADER) {
      outcome.error(ErrPacket.decode(lastPacket()));
      return null;
    }
    ByteBuf ok = lastPacket();
    long backendId = ok.getUnsignedIntLE(ok.readerIndex() + 1);
    int columns = ok.getUnsignedShortLE(ok.readerIndex() + 5);
    int params = ok.getUnsignedShortLE(ok.readerIndex() + 7);
    int warnings = ok.readableBytes() >= 12 ? ok.getUnsignedShortLE(ok.readerIndex() + 10) : 0;
    // The client sees its own statement ids; the backend's stay behind the proxy.
    client.buffer().setIntLE(packetStart + PacketFraming.HEADER_SIZE + 1, (int) clientStatementId);
    if (params > 0) {
      relayDefinitionsAndEof(params, outcome);
    }
    if (columns > 0) {
      relayDefinitionsAndEof(columns, outcome);
    }
    outcome.endOfRows(0, warnings);
    return new PreparedStatement(backendId, params, columns);
  }

  /** What the server said of a statement it prepared. */
  public record PreparedStatement(long backendId, int parameters, int columns) {}

  /** Relays the response to COM_STMT_FETCH: rows, then the end-of-rows marker, or ERR. */
  public RelayOutcome relayFetchedRows() throws IOException {
    RelayOutcome outcome = new RelayOutcome();
    relayRows(outcome);
    return outcome;
  }

  /** Relays the response to COM_FIELD_LIST: column definitions until EOF, or ERR. */
  public RelayOutcome relayFieldList() throws IOException {
    RelayOutcome outcome = new RelayOutcome();
    while (true) {
      int first = readIntoClient();
      if (first == ErrPacket.HEADER) {
        outcome.error(ErrPacket.decode(lastPacket()));
        return outcome;
      }
      if (isEndMarker(first)) {
        translateEndMarker(outcome);
        return outcome;
      }
    }
  }

  /** Relays a single packet unchanged (COM_STATISTICS, OK/ERR replies). */
  public RelayOutcome relaySinglePacket() throws IOException {
    RelayOutcome outcome = new RelayOutcome();
    int first = readIntoClient();
    if (first == ErrPacket.HEADER) {
      outcome.error(ErrPacket.decode(lastPacket()));
    } else if (first == OkPacket.HEADER) {
      OkPacket ok = OkPacket.decode(lastPacket());
      outcome.ok(ok.affectedRows(), ok.lastInsertId(), ok.statusFlags(), ok.warnings());
    }
    return outcome;
  }

  private boolean relayColumnDefinitions(long columns, RelayOutcome outcome) throws IOException {
    for (long i = 0; i < columns; i++) {
      readIntoClient();
    }
    if (backendDeprecatesEof) {
      return clientDeprecatesEof || relayMetadataEof(outcome);
    }
    int first = readIntoClient();
    if (first == ErrPacket.HEADER) {
      outcome.error(ErrPacket.decode(lastPacket()));
      return false;
    }
    EofPacket eof = EofPacket.decode(lastPacket());
    if (clientDeprecatesEof) {
      dropLastPacket();
    }
    if (ServerStatus.has(eof.statusFlags(), ServerStatus.CURSOR_EXISTS)) {
      // A cursor was opened: rows come later, through COM_STMT_FETCH.
      if (clientDeprecatesEof) {
        client.eof(eof);
      }
      outcome.endOfRows(eof.statusFlags(), eof.warnings());
      return false;
    }
    return true;
  }

  /**
   * Writes the EOF that a client without CLIENT_DEPRECATE_EOF expects after column definitions,
   * which a backend with the flag does not send, except when COM_STMT_EXECUTE opened a cursor: then
   * MariaDB ends the definitions with an end marker that has SERVER_STATUS_CURSOR_EXISTS, and no
   * rows follow (they come through COM_STMT_FETCH); its status and warnings are the client's EOF.
   * Only the next packet tells which, so the EOF is written first and completed or kept after it.
   * Returns whether rows follow; when they do, the first of them has been relayed already ({@link
   * #pendingRow}).
   */
  private boolean relayMetadataEof(RelayOutcome outcome) throws IOException {
    int eofPayload = client.buffer().writerIndex() + PacketFraming.HEADER_SIZE;
    client.eof(new EofPacket(0, metadataStatus));
    int first = readIntoClient();
    if (first == EofPacket.HEADER && packetLength < 9) {
      OkPacket marker =
          packetLength == EofPacket.LENGTH
              ? toOk(EofPacket.decode(lastPacket()))
              : OkPacket.decode(lastPacket());
      if (ServerStatus.has(marker.statusFlags(), ServerStatus.CURSOR_EXISTS)) {
        dropLastPacket();
        client.buffer().setShortLE(eofPayload + 1, marker.warnings());
        client.buffer().setShortLE(eofPayload + 3, marker.statusFlags());
        outcome.endOfRows(marker.statusFlags(), marker.warnings());
        return false;
      }
    }
    pendingRow = first;
    return true;
  }

  private static OkPacket toOk(EofPacket eof) {
    return new OkPacket(0, 0, eof.statusFlags(), eof.warnings());
  }

  private void relayDefinitionsAndEof(int count, RelayOutcome outcome) throws IOException {
    for (int i = 0; i < count; i++) {
      readIntoClient();
    }
    if (backendDeprecatesEof) {
      if (!clientDeprecatesEof) {
        client.eof(new EofPacket(0, metadataStatus));
      }
      return;
    }
    readIntoClient();
    if (clientDeprecatesEof) {
      dropLastPacket();
    }
  }

  /** Relays rows until the end marker or an error; returns the final status flags. */
  private int relayRows(RelayOutcome outcome) throws IOException {
    while (true) {
      int first = pendingRow != NO_PENDING_ROW ? pendingRow : readIntoClient();
      pendingRow = NO_PENDING_ROW;
      if (first == ErrPacket.HEADER) {
        outcome.error(ErrPacket.decode(lastPacket()));
        return 0;
      }
      if (isEndMarker(first)) {
        return translateEndMarker(outcome);
      }
      client.flushIfLarge();
    }
  }

  private boolean isEndMarker(int first) {
    return EndOfRows.is(first, packetLength, backendDeprecatesEof);
  }

  private int translateEndMarker(RelayOutcome outcome) {
    if (backendDeprecatesEof) {
      OkPacket ok = OkPacket.decode(lastPacket());
      outcome.ok(ok.affectedRows(), ok.lastInsertId(), ok.statusFlags(), ok.warnings());
      if (!clientDeprecatesEof) {
        dropLastPacket();
        client.eof(new EofPacket(ok.warnings(), ok.statusFlags()));
      }
      return ok.statusFlags();
    }
    EofPacket eof = EofPacket.decode(lastPacket());
    outcome.endOfRows(eof.statusFlags(), eof.warnings());
    if (clientDeprecatesEof) {
      dropLastPacket();
      client.eofOk(new OkPacket(0, 0, eof.statusFlags(), eof.warnings()));
    }
    return eof.statusFlags();
  }

  /**
   * Reads one backend packet straight into the client buffer under the client's next sequence id,
   * joining nothing: a 16 MiB frame and its continuations are copied frame by frame. Returns the
   * payload's first byte, or -1 for an empty payload.
   */
  private int readIntoClient() throws IOException {
    int length = backend.readFrameHeader();
    ByteBuf buffer = client.buffer();
    packetStart = buffer.writerIndex();
    packetLength = length;
    client.frameHeader(length);
    backend.readPayload(buffer, length);
    int first = length == 0 ? -1 : buffer.getUnsignedByte(packetStart + PacketFraming.HEADER_SIZE);
    while (length == PacketFraming.MAX_FRAME_PAYLOAD) {
      length = backend.readFrameHeader();
      client.frameHeader(length);
      backend.readPayload(client.buffer(), length);
    }
    return first;
  }

  /** A read-only view of the last packet relayed (valid for packets shorter than one frame). */
  private ByteBuf lastPacket() {
    return client.buffer().slice(packetStart + PacketFraming.HEADER_SIZE, packetLength);
  }

  /** Takes the last packet back out of the client buffer and reuses its sequence id. */
  private void dropLastPacket() {
    client.dropPacketAt(packetStart);
  }
}
