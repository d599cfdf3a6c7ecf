package io.shardway.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Payloads of 16 MiB and more: PacketEncoder splits them into frames of 2^24-1 bytes with
 * consecutive sequence ids (ending with an empty frame when the size is an exact multiple), and
 * PacketDecoder joins them back into one packet that carries the last frame's sequence id.
 */
class LargePacketTest {
  private static final int MAX_FRAME = PacketFraming.MAX_FRAME_PAYLOAD;

  static Stream<Arguments> sizes() {
    return Stream.of(
        Arguments.of(MAX_FRAME, List.of(MAX_FRAME, 0)),
        Arguments.of(MAX_FRAME + 1, List.of(MAX_FRAME, 1)),
        Arguments.of(2 * MAX_FRAME, List.of(MAX_FRAME, MAX_FRAME, 0)),
        Arguments.of(20 << 20, List.of(MAX_FRAME, (20 << 20) - MAX_FRAME)));
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void splitIntoFramesAndJoinedBack(int size, List<Integer> frameLengths) {
    byte[] payload = pattern(size);
    // Starting at 0xFE shows the sequence id wrapping from 0xFF to 0x00.
    int firstSequenceId = 0xFE;

    EmbeddedChannel encoder = new EmbeddedChannel(PacketEncoder.INSTANCE);
    ByteBuf content = encoder.alloc().buffer(size).writeBytes(payload);
    assertTrue(encoder.writeOutbound(new Packet(firstSequenceId, content)));
    assertEquals(0, content.refCnt());
    ByteBuf wire = encoder.readOutbound();
    assertNull(encoder.readOutbound());
    assertFalse(encoder.finish());

    // Checked on a copy: under paranoid leak detection every access to a ByteBuf is recorded.
    byte[] frames = ByteBufUtil.getBytes(wire);
    List<Integer> lengths = new ArrayList<>();
    List<Integer> sequenceIds = new ArrayList<>();
    int copied = 0;
    for (int at = 0; at < frames.length; ) {
      int length =
          (frames[at] & 0xFF) | (frames[at + 1] & 0xFF) << 8 | (frames[at + 2] & 0xFF) << 16;
      lengths.add(length);
      sequenceIds.add(frames[at + 3] & 0xFF);
      int body = at + PacketFraming.HEADER_SIZE;
      assertTrue(Arrays.equals(payload, copied, copied + length, frames, body, body + length));
      copied += length;
      at = body + length;
    }
    assertEquals(frameLengths, lengths);
    List<Integer> expectedIds = new ArrayList<>();
    for (int i = 0; i < frameLengths.size(); i++) {
      expectedIds.add((firstSequenceId + i) & 0xFF);
    }
    assertEquals(expectedIds, sequenceIds);
    assertEquals(size + PacketFraming.HEADER_SIZE * frameLengths.size(), wire.readableBytes());

    Packet packet = decodeInFragments(wire, size);
    assertEquals(expectedIds.get(expectedIds.size() - 1), packet.sequenceId());
    assertArrayEquals(payload, ByteBufUtil.getBytes(packet.payload()));
    packet.release();
  }

  /** Feeds the wire bytes in random fragments (seeded), some of which straddle frame boundaries. */
  private static Packet decodeInFragments(ByteBuf wire, int size) {
    EmbeddedChannel decoder = new EmbeddedChannel(new PacketDecoder(64L << 20));
    Random random = new Random(size);
    try {
      while (wire.isReadable()) {
        int fragment = Math.min(wire.readableBytes(), 1 + random.nextInt(3 << 20));
        decoder.writeInbound(wire.readRetainedSlice(fragment));
      }
    } finally {
      wire.release();
    }
    Packet packet = decoder.readInbound();
    assertNull(decoder.readInbound());
    assertFalse(decoder.finish());
    return packet;
  }

  private static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + (i >>> 16));
    }
    return bytes;
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void framingRefusesAHeaderForAPayloadThatNeedsSplitting(int size, List<Integer> ignored) {
    ByteBuf out = Unpooled.buffer();
    assertThrows(IllegalArgumentException.class, () -> PacketFraming.writeHeader(out, size, 0));
  }
}
