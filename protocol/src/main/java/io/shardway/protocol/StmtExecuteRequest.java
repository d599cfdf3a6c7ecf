package io.shardway.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The parts of a COM_STMT_EXECUTE payload a proxy reads or rewrites: command (1), statement id (4),
 * flags (1), iteration count (4), then, with parameters, a NULL bitmap, the new-params-bound byte
 * and, when it is 1, two type bytes per parameter before the values. A client sends types only when
 * they change, so the server keeps the last ones bound to the statement.
 */
public final class StmtExecuteRequest {
  private static final int STATEMENT_ID_OFFSET = 1;
  private static final int FLAGS_OFFSET = 5;
  private static final int FIXED_PART = 10;

  private StmtExecuteRequest() {}

  public static long statementId(ByteBuf payload) {
    return payload.getUnsignedIntLE(payload.readerIndex() + STATEMENT_ID_OFFSET);
  }

  /** Rewrites the statement id in place (any command of the COM_STMT_* family has it there). */
  public static void statementId(ByteBuf payload, long id) {
    payload.setIntLE(payload.readerIndex() + STATEMENT_ID_OFFSET, (int) id);
  }

  /** Whether the execution asks for a cursor (flags other than CURSOR_TYPE_NO_CURSOR). */
  public static boolean requestsCursor(ByteBuf payload) {
    return payload.getUnsignedByte(payload.readerIndex() + FLAGS_OFFSET) != 0;
  }

  /**
   * The parameter types the request binds (2 bytes per parameter), or null when it sends none
   * (new-params-bound 0, no parameters, or a payload too short to say).
   */
  public static byte[] boundTypes(ByteBuf payload, int parameters) {
    int flag = newParamsBoundIndex(payload, parameters);
    if (flag < 0 || payload.getByte(flag) != 1) {
      return null;
    }
    byte[] types = new byte[2 * parameters];
    payload.getBytes(flag + 1, types);
    return types;
  }

  /**
   * A copy of a request that sends no types with {@code types} added and new-params-bound set; the
   * caller releases it. The original when it cannot carry types (no parameters, too short).
   */
  public static ByteBuf withTypes(ByteBuf payload, int parameters, byte[] types) {
    int flag = newParamsBoundIndex(payload, parameters);
    if (flag < 0) {
      return payload;
    }
    ByteBuf request = payload.alloc().heapBuffer(payload.readableBytes() + types.length);
    request.writeBytes(payload, payload.readerIndex(), flag - payload.readerIndex());
    request.writeByte(1).writeBytes(types);
    request.writeBytes(payload, flag + 1, payload.writerIndex() - flag - 1);
    return request;
  }

  private static int newParamsBoundIndex(ByteBuf payload, int parameters) {
    int index = payload.readerIndex() + FIXED_PART + (parameters + 7) / 8;
    return parameters == 0 || payload.writerIndex() <= index ? -1 : index;
  }
}
