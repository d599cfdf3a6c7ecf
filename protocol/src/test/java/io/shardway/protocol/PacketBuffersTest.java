package io.shardway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The protocol's basic types, at the edges where their encodings change size. */
class PacketBuffersTest {

  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "250, fa",
    "251, fcfb00",
    "65535, fcffff",
    "65536, fd000001",
    "16777215, fdffffff",
    "16777216, fe0000000100000000",
    "9223372036854775807, feffffffffffffff7f",
    // Negative longs are unsigned 64-bit values above Long.MAX_VALUE: 2^64-1 and 2^63.
    "-1, feffffffffffffffff",
    "-9223372036854775808, fe0000000000000080",
  })
  void lenencIntBoundaries(long value, String hex) {
    ByteBuf buf = Unpooled.buffer();
    PacketBuffers.writeLenencInt(buf, value);
    assertEquals(hex, ByteBufUtil.hexDump(buf));
    assertEquals(hex.length() / 2, PacketBuffers.lenencIntSize(value));
    assertEquals(value, PacketBuffers.readLenencInt(buf));
    assertFalse(buf.isReadable());
  }

  @ParameterizedTest
  @CsvSource({"fb, 0xfb", "ff, 0xff"})
  void nullAndErrorPrefixesAreNotIntegers(String hex, String shown) {
    ByteBuf buf = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PacketBuffers.readLenencInt(buf));
    assertEquals("not a length-encoded integer: first byte " + shown, e.getMessage());
  }

  @Test
  void lenencStringOf251BytesTakesTheThreeByteLength() {
    String value = "x".repeat(251);
    ByteBuf buf = Unpooled.buffer();
    PacketBuffers.writeLenencString(buf, value);
    assertEquals("fcfb00", ByteBufUtil.hexDump(buf, 0, 3));
    assertEquals(254, buf.readableBytes());
    assertEquals(value, PacketBuffers.readLenencString(buf));
    assertFalse(buf.isReadable());
  }

  @Test
  void lenencStringsCountBytesNotCharacters() {
    ByteBuf buf = Unpooled.buffer();
    PacketBuffers.writeLenencString(buf, "caf\u00e9 \uD83D\uDE00");
    assertEquals("0a636166c3a920f09f9880", ByteBufUtil.hexDump(buf));
    assertEquals("caf\u00e9 \uD83D\uDE00", PacketBuffers.readLenencString(buf));
  }

  @Test
  void lenencLengthBeyondThePacketFails() {
    ByteBuf buf = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("fc0001" + "61"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PacketBuffers.readLenencBytes(buf));
    assertEquals("length-encoded value: 256 bytes (expected: <= 1)", e.getMessage());
  }

  @Test
  void nulStrings() {
    ByteBuf buf = Unpooled.buffer();
    PacketBuffers.writeNulString(buf, "mysql_native_password");
    buf.writeCharSequence("tail", StandardCharsets.US_ASCII);
    assertEquals("mysql_native_password", PacketBuffers.readNulString(buf));
    // Without a terminator the string runs to the end of the packet.
    assertEquals("tail", PacketBuffers.readNulString(buf));
    assertFalse(buf.isReadable());
  }
}
