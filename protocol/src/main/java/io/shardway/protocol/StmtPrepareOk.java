package io.shardway.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The first packet of a successful COM_STMT_PREPARE reply (COM_STMT_PREPARE_OK). It is followed by
 * {@code params} parameter definitions and then {@code columns} column definitions, each block
 * ended by an EOF packet unless CLIENT_DEPRECATE_EOF was negotiated (and absent when empty).
 */
public record StmtPrepareOk(long statementId, int columns, int params, int warnings) {
  public static final int HEADER = 0x00;

  /** Decodes the packet whose header byte is still unread. */
  public static StmtPrepareOk decode(ByteBuf payload) {
    payload.skipBytes(1);
    long statementId = payload.readUnsignedIntLE();
    int columns = payload.readUnsignedShortLE();
    int params = payload.readUnsignedShortLE();
    payload.skipBytes(1); // reserved
    // Servers always send the warning count; the documentation makes it optional.
    int warnings = payload.readableBytes() >= 2 ? payload.readUnsignedShortLE() : 0;
    return new StmtPrepareOk(statementId, columns, params, warnings);
  }

  public void encode(ByteBuf out) {
    out.writeByte(HEADER);
    out.writeIntLE((int) statementId);
    out.writeShortLE(columns);
    out.writeShortLE(params);
    out.writeByte(0);
    out.writeShortLE(warnings);
  }
}
