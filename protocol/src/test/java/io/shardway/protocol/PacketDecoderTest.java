package io.shardway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Framing of captured conversations, however the bytes are cut, and the payload limit. */
class PacketDecoderTest {
  private static final long MAX = 64L << 20;

  @ParameterizedTest
  @ValueSource(strings = {"jdbc-binary-resultset.hex", "cli-text-resultset.hex"})
  void capturedStreamFedWhole(String name) {
    GoldenFile file = GoldenFile.read(name);
    for (char direction : new char[] {'S', 'C'}) {
      byte[] stream = file.stream(direction);
      assertDecodesTo(file, direction, stream, remaining -> remaining);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc-binary-resultset.hex", "cli-text-resultset.hex"})
  void capturedStreamFedByteByByte(String name) {
    GoldenFile file = GoldenFile.read(name);
    for (char direction : new char[] {'S', 'C'}) {
      assertDecodesTo(file, direction, file.stream(direction), remaining -> 1);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
  void capturedStreamFedInRandomFragments(long seed) {
    GoldenFile file = GoldenFile.read("jdbc-binary-resultset.hex");
    Random random = new Random(seed);
    for (char direction : new char[] {'S', 'C'}) {
      assertDecodesTo(
          file, direction, file.stream(direction), remaining -> 1 + random.nextInt(remaining));
    }
  }

  @Test
  void headerAnnouncingTooMuchFailsBeforeTheBodyArrives() {
    EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(1000));
    ByteBuf fits = channel.alloc().buffer().writeMediumLE(1000).writeByte(3);
    fits.writeZero(1000);
    assertTrue(channel.writeInbound(fits));
    Packet packet = channel.readInbound();
    assertEquals(1000, packet.payload().readableBytes());
    packet.release();

    ByteBuf header = channel.alloc().buffer().writeMediumLE(1001).writeByte(4);
    PacketTooLargeException e =
        assertThrows(PacketTooLargeException.class, () -> channel.writeInbound(header));
    assertEquals("packet length: 1001 (expected: <= 1000)", e.getMessage());
    assertEquals(1000, e.maxAllowed());
    assertEquals(0, header.refCnt());

    // The stream has no trustworthy frame boundary left: the body and what follows are dropped.
    assertFalse(channel.writeInbound(channel.alloc().buffer().writeZero(1001)));
    assertFalse(channel.writeInbound(frame(channel, 5, new byte[] {0x0E})));
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
  }

  @Test
  void packetsBeforeTheOversizedHeaderAreStillDelivered() {
    EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(10));
    ByteBuf bytes = frame(channel, 0, new byte[] {0x0E});
    bytes.writeMediumLE(11).writeByte(1);
    assertThrows(PacketTooLargeException.class, () -> channel.writeInbound(bytes));
    Packet packet = channel.readInbound();
    assertEquals(0, packet.sequenceId());
    assertEquals(1, packet.payload().readableBytes());
    packet.release();
    assertFalse(channel.finish());
  }

  @Test
  void continuationThatExceedsTheLimitReleasesWhatWasJoinedSoFar() {
    EmbeddedChannel channel =
        new EmbeddedChannel(new PacketDecoder(PacketFraming.MAX_FRAME_PAYLOAD + 10));
    ByteBuf first = channel.alloc().buffer(PacketFraming.MAX_FRAME_PAYLOAD + 4);
    first.writeMediumLE(PacketFraming.MAX_FRAME_PAYLOAD).writeByte(0);
    first.writeZero(PacketFraming.MAX_FRAME_PAYLOAD);
    assertFalse(channel.writeInbound(first));
    assertEquals(1, first.refCnt(), "the decoder holds the first frame until the packet ends");

    ByteBuf second = channel.alloc().buffer().writeMediumLE(11).writeByte(1);
    PacketTooLargeException e =
        assertThrows(PacketTooLargeException.class, () -> channel.writeInbound(second));
    assertEquals(
        "packet length: "
            + (PacketFraming.MAX_FRAME_PAYLOAD + 11L)
            + " (expected: <= "
            + (PacketFraming.MAX_FRAME_PAYLOAD + 10L)
            + ")",
        e.getMessage());
    assertEquals(0, first.refCnt());
    assertFalse(channel.finish());
  }

  @Test
  void partialPacketIsReleasedWhenTheChannelCloses() {
    EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(MAX));
    ByteBuf first = channel.alloc().buffer(PacketFraming.MAX_FRAME_PAYLOAD + 4);
    first.writeMediumLE(PacketFraming.MAX_FRAME_PAYLOAD).writeByte(0);
    first.writeZero(PacketFraming.MAX_FRAME_PAYLOAD);
    assertFalse(channel.writeInbound(first));
    assertFalse(channel.finish());
    assertEquals(0, first.refCnt());
  }

  @Test
  void rejectsANonPositiveLimit() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PacketDecoder(0));
    assertEquals("maxPayloadLength: 0 (expected: > 0)", e.getMessage());
  }

  /**
   * Feeds {@code stream} in pieces of {@code nextSize.applyAsInt(remaining)} bytes and checks that
   * the packets are the captured frames of {@code direction}, sequence ids included.
   */
  private static void assertDecodesTo(
      GoldenFile file, char direction, byte[] stream, IntUnaryOperator nextSize) {
    EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(MAX));
    for (int offset = 0; offset < stream.length; ) {
      int size = nextSize.applyAsInt(stream.length - offset);
      channel.writeInbound(channel.alloc().buffer(size).writeBytes(stream, offset, size));
      offset += size;
    }
    List<GoldenFile.Frame> expected =
        file.frames.stream().filter(f -> f.direction() == direction).toList();
    List<String> actual = new ArrayList<>();
    for (Packet packet; (packet = channel.readInbound()) != null; ) {
      actual.add(packet.sequenceId() + ":" + ByteBufUtil.hexDump(packet.payload()));
      packet.release();
    }
    assertEquals(
        expected.stream()
            .map(f -> f.sequenceId() + ":" + ByteBufUtil.hexDump(f.payloadBytes()))
            .toList(),
        actual);
    assertFalse(channel.finish());
  }

  static ByteBuf frame(EmbeddedChannel channel, int sequenceId, byte[] payload) {
    return channel
        .alloc()
        .buffer()
        .writeMediumLE(payload.length)
        .writeByte(sequenceId)
        .writeBytes(payload);
  }
}
