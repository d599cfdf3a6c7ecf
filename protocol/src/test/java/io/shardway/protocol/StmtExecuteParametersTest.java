package io.shardway.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StmtExecuteParametersTest {
  private static final byte[] TYPES = {
    (byte) ColumnType.LONG, 0,
    (byte) ColumnType.VAR_STRING, 0,
    (byte) ColumnType.NULL, 0,
    (byte) ColumnType.LONGLONG, (byte) 0x80,
    (byte) ColumnType.DOUBLE, 0,
    (byte) ColumnType.NEWDECIMAL, 0,
    (byte) ColumnType.DATETIME, 0,
    (byte) ColumnType.TIME, 0,
    (byte) ColumnType.TINY, 0
  };

  /** COM_STMT_EXECUTE of statement 7 with the values above; parameter 3 is NULL. */
  private static ByteBuf request(boolean typesInline) {
    ByteBuf p = Unpooled.buffer();
    p.writeByte(CommandType.COM_STMT_EXECUTE).writeIntLE(7).writeByte(0).writeIntLE(1);
    p.writeByte(0b0000_0100).writeByte(0); // NULL bitmap: parameter 3 (index 2)
    p.writeByte(typesInline ? 1 : 0);
    if (typesInline) {
      p.writeBytes(TYPES);
    }
    p.writeIntLE(-42);
    PacketBuffers.writeLenencString(p, "abc");
    p.writeLongLE(-1L); // unsigned 2^64 - 1
    p.writeDoubleLE(1.5);
    PacketBuffers.writeLenencBytes(p, "12.50".getBytes(StandardCharsets.US_ASCII));
    p.writeByte(11).writeShortLE(2024).writeByte(1).writeByte(2);
    p.writeByte(3).writeByte(4).writeByte(5).writeIntLE(6);
    p.writeByte(8).writeByte(1).writeIntLE(1).writeByte(2).writeByte(3).writeByte(4);
    p.writeByte(-3);
    return p;
  }

  @Test
  void decodesEveryKindOfValue() {
    for (boolean inline : new boolean[] {true, false}) {
      List<Object> values = StmtExecuteParameters.decode(request(inline), 9, TYPES);
      assertEquals(-42, values.get(0));
      assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), (byte[]) values.get(1));
      assertNull(values.get(2));
      assertEquals(new BigInteger("18446744073709551615"), values.get(3));
      assertEquals(1.5, values.get(4));
      assertEquals(new BigDecimal("12.50"), values.get(5));
      assertEquals("2024-01-02 03:04:05.000006", values.get(6).toString());
      assertEquals("-26:03:04", values.get(7).toString());
      assertEquals(-3, values.get(8));
    }
  }

  @Test
  void aTruncatedRequestIsRefused() {
    ByteBuf whole = request(true);
    ByteBuf cut = whole.slice(0, whole.writerIndex() - 5);
    assertThrows(IllegalArgumentException.class, () -> StmtExecuteParameters.decode(cut, 9, TYPES));
  }

  @Test
  void noParametersNoValues() {
    assertEquals(List.of(), StmtExecuteParameters.decode(Unpooled.buffer(), 0, new byte[0]));
  }
}
