package io.shardway.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class StmtExecuteRequestTest {
  private static final byte[] LONG_AND_STRING = {
    ColumnType.LONG, 0, (byte) ColumnType.VAR_STRING, 0
  };

  /** Two parameters: 42 and 'ab'. */
  private static ByteBuf request(boolean withTypes, int flags) {
    ByteBuf buf = Unpooled.buffer();
    buf.writeByte(CommandType.COM_STMT_EXECUTE).writeIntLE(7).writeByte(flags).writeIntLE(1);
    buf.writeByte(0).writeByte(withTypes ? 1 : 0);
    if (withTypes) {
      buf.writeBytes(LONG_AND_STRING);
    }
    buf.writeIntLE(42).writeByte(2).writeByte('a').writeByte('b');
    return buf;
  }

  @Test
  void readsAndRewritesTheStatementId() {
    ByteBuf request = request(true, 0);
    assertEquals(7, StmtExecuteRequest.statementId(request));
    StmtExecuteRequest.statementId(request, 0xFFFF_FFFEL);
    assertEquals(0xFFFF_FFFEL, StmtExecuteRequest.statementId(request));
    request.release();
  }

  @Test
  void tellsWhetherACursorIsRequested() {
    ByteBuf plain = request(true, 0);
    ByteBuf cursor = request(true, 1);
    assertFalse(StmtExecuteRequest.requestsCursor(plain));
    assertTrue(StmtExecuteRequest.requestsCursor(cursor));
    plain.release();
    cursor.release();
  }

  @Test
  void readsTheBoundTypesOnlyWhenSent() {
    ByteBuf with = request(true, 0);
    ByteBuf without = request(false, 0);
    assertArrayEquals(LONG_AND_STRING, StmtExecuteRequest.boundTypes(with, 2));
    assertNull(StmtExecuteRequest.boundTypes(without, 2));
    assertNull(StmtExecuteRequest.boundTypes(with, 0));
    with.release();
    without.release();
  }

  @Test
  void addingTypesGivesTheRequestAClientWouldHaveSentWithThem() {
    ByteBuf without = request(false, 0);
    ByteBuf expected = request(true, 0);
    ByteBuf added = StmtExecuteRequest.withTypes(without, 2, LONG_AND_STRING);
    assertEquals(ByteBufUtil.hexDump(expected), ByteBufUtil.hexDump(added));
    added.release();
    without.release();
    expected.release();
  }

  @Test
  void aRequestTooShortToCarryTypesIsLeftAlone() {
    ByteBuf truncated = Unpooled.buffer().writeByte(CommandType.COM_STMT_EXECUTE).writeIntLE(1);
    truncated.writeByte(0).writeIntLE(1);
    assertSame(truncated, StmtExecuteRequest.withTypes(truncated, 2, LONG_AND_STRING));
    assertNull(StmtExecuteRequest.boundTypes(truncated, 2));
    truncated.release();
  }
}
