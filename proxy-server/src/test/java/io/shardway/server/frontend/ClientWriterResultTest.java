package io.shardway.server.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.shardway.protocol.EofPacket;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.PacketFraming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whether a response ended in an ERR packet, whoever wrote it: the writer's own packets, frames
 * relayed byte for byte, across flushes and taken-back packets.
 */
class ClientWriterResultTest {
  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final ClientWriter writer = new ClientWriter(channel);

  @AfterEach
  void nothingLeftOver() {
    writer.discard();
    for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      ((ByteBuf) out).release();
    }
    assertFalse(channel.finish());
  }

  /** Appends a whole packet as a relay does: a frame header, then the payload's bytes. */
  private void relay(byte[] payload) {
    writer.frameHeader(payload.length);
    writer.buffer().writeBytes(payload);
  }

  private static byte[] err(int code) {
    ByteBuf payload = Unpooled.buffer();
    new ErrPacket(code, "42S02", "Table 'appdb.missing' doesn't exist").encode(payload);
    byte[] bytes = new byte[payload.readableBytes()];
    payload.readBytes(bytes).release();
    return bytes;
  }

  @Test
  void aResponseOfOkIsNoError() {
    writer.begin(1);
    writer.ok(new OkPacket(0, 0, 2, 0));
    assertEquals(0, writer.responseErrorCode());
  }

  @Test
  void anErrorWrittenByShardwayOrRelayedIsTheResult() {
    writer.begin(1);
    writer.error(new ErrPacket(1235, "42000", "not supported"));
    assertEquals(1235, writer.responseErrorCode());

    writer.flush();
    writer.begin(1);
    relay(new byte[] {1});
    relay(err(1146));
    assertEquals(1146, writer.responseErrorCode());
  }

  @Test
  void theResultSurvivesAFlushOfTheLastPacket() {
    writer.begin(1);
    relay(err(1146));
    writer.flush();
    assertEquals(1146, writer.responseErrorCode());

    writer.begin(1);
    assertEquals(0, writer.responseErrorCode(), "a new response");
  }

  @Test
  void rowsFlushedBeforeAnErrorKeepTheError() {
    writer.begin(1);
    for (int i = 0; i < 2 * ClientWriter.FLUSH_THRESHOLD / 100; i++) {
      relay(new byte[100]);
      writer.flushIfLarge();
    }
    writer.error(new ErrPacket(1317, "70100", "Query execution was interrupted"));
    writer.flush();
    assertEquals(1317, writer.responseErrorCode());
  }

  @Test
  void aTakenBackErrorLeavesTheResponseWithout() {
    writer.begin(1);
    writer.eof(new EofPacket(0, 2));
    int start = writer.buffer().writerIndex();
    relay(err(1146));
    writer.dropPacketAt(start);
    assertEquals(0, writer.responseErrorCode());
  }

  @Test
  void aContinuationFrameIsNotMistakenForAPacket() {
    writer.begin(1);
    // A 16 MiB row whose continuation frame happens to start with 0xFF.
    writer.frameHeader(PacketFraming.MAX_FRAME_PAYLOAD);
    writer.buffer().writeZero(PacketFraming.MAX_FRAME_PAYLOAD);
    writer.frameHeader(3);
    writer.buffer().writeByte(0xFF).writeShortLE(1146);
    assertEquals(0, writer.responseErrorCode());
  }
}
