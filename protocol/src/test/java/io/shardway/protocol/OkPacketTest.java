package io.shardway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class OkPacketTest {

  @Test
  void bareOkEndsAfterTheWarnings() {
    assertEquals("00000002000000", encode(new OkPacket(0, 0, ServerStatus.AUTOCOMMIT, 0)));
  }

  @Test
  void infoIsLengthPrefixed() {
    OkPacket ok = new OkPacket(300, 7, ServerStatus.AUTOCOMMIT, 1, "Rows matched: 1");
    String hex = encode(ok);
    assertEquals(
        "00"
            + "fc2c01"
            + "07"
            + "0200"
            + "0100"
            + "0f"
            + ByteBufUtil.hexDump("Rows matched: 1".getBytes()),
        hex);
    assertEquals(ok, OkPacket.decode(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex))));
  }

  @Test
  void sessionStateFollowsAnEmptyInfo() {
    byte[] schema = {1, 3, 2, 'd', 'b'};
    int status = ServerStatus.AUTOCOMMIT | ServerStatus.SESSION_STATE_CHANGED;
    OkPacket ok = new OkPacket(0, 0, status, 0, "", schema);
    assertEquals("00000002400000" + "00" + "050103026462", encode(ok));
    assertEquals(
        ok, OkPacket.decode(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(encode(ok)))));
  }

  @Test
  void sessionStateNeedsItsStatusFlag() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new OkPacket(0, 0, ServerStatus.AUTOCOMMIT, 0, "", new byte[] {1}));
    assertEquals("sessionState: 1 bytes (expected: SESSION_STATE_CHANGED set)", e.getMessage());
  }

  @Test
  void okInPlaceOfEof() {
    ByteBuf out = Unpooled.buffer();
    new OkPacket(0, 0, ServerStatus.AUTOCOMMIT, 0).encode(out, OkPacket.EOF_HEADER);
    assertEquals("fe000002000000", ByteBufUtil.hexDump(out));
  }

  private static String encode(OkPacket ok) {
    ByteBuf out = Unpooled.buffer();
    ok.encode(out);
    return ByteBufUtil.hexDump(out);
  }
}
