package io.shardway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every packet of every capture decodes with its codec, consumes its whole payload, and encodes
 * back to the very frame the real server or client sent.
 */
class GoldenRoundTripTest {
  static final List<String> FILES = GoldenFile.NAMES;

  @ParameterizedTest
  @FieldSource("FILES")
  void everyFrameReencodesByteForByte(String name) {
    GoldenFile file = GoldenFile.read(name);
    Conversation conversation = new Conversation(file);
    for (GoldenFile.Frame frame : file.frames) {
      ByteBuf payload = frame.payload();
      ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
      ByteBuf framed = ByteBufAllocator.DEFAULT.buffer();
      try {
        conversation.reencode(frame.label(), payload, out);
        assertFalse(payload.isReadable(), () -> frame + ": bytes left after decoding");
        PacketFraming.writeFrames(framed, frame.sequenceId(), out);
        assertEquals(
            ByteBufUtil.hexDump(frame.frame()), ByteBufUtil.hexDump(framed), frame::toString);
      } finally {
        out.release();
        framed.release();
      }
    }
  }

  /** The state a packet's codec needs: negotiated capabilities and the current columns. */
  private static final class Conversation {
    private final boolean extendedMetadata;
    private final boolean cacheMetadata;
    private final List<ColumnDefinition> columns = new ArrayList<>();

    Conversation(GoldenFile file) {
      extendedMetadata =
          CapabilityFlags.has(
              file.extendedCapabilities(), CapabilityFlags.MARIADB_CLIENT_EXTENDED_METADATA);
      cacheMetadata =
          CapabilityFlags.has(
              file.extendedCapabilities(), CapabilityFlags.MARIADB_CLIENT_CACHE_METADATA);
    }

    void reencode(String label, ByteBuf in, ByteBuf out) {
      switch (label) {
        case "handshake-v10" -> HandshakeV10.decode(in).encode(out);
        case "handshake-response" -> HandshakeResponse.decode(in).encode(out);
        case "auth-switch-request" -> AuthSwitchRequest.decode(in).encode(out);
        case "auth-more-data" -> AuthMoreData.decode(in).encode(out);
        case "auth-switch-response" -> out.writeBytes(PacketBuffers.readRestBytes(in));
        case "ok" -> OkPacket.decode(in).encode(out);
        case "ok-eof" -> OkPacket.decode(in).encode(out, OkPacket.EOF_HEADER);
        case "err" -> ErrPacket.decode(in).encode(out);
        case "eof" -> {
          assertTrue(EofPacket.isEof(in));
          EofPacket.decode(in).encode(out);
        }
        case "stmt-prepare-ok" -> {
          columns.clear();
          StmtPrepareOk.decode(in).encode(out);
        }
        case "column-count" -> {
          columns.clear();
          PacketBuffers.writeLenencInt(out, PacketBuffers.readLenencInt(in));
          if (cacheMetadata) {
            // MariaDB's MARIADB_CLIENT_CACHE_METADATA adds a "metadata follows" byte.
            assertEquals(1, in.readUnsignedByte());
            out.writeByte(1);
          }
        }
        case "column-definition", "param-definition" -> {
          ColumnDefinition column = ColumnDefinition.decode(in, extendedMetadata);
          if (label.equals("column-definition")) {
            columns.add(column);
          }
          column.encode(out);
        }
        case "text-row" -> TextRow.encode(out, TextRow.decode(in, columns.size()));
        case "binary-row" -> BinaryRow.encode(out, columns, BinaryRow.decode(in, columns));
        case "com-query" -> {
          out.writeByte(in.readUnsignedByte());
          out.writeCharSequence(
              PacketBuffers.readRestString(in, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        default -> {
          // Other commands have no codec of their own; the label names the command byte.
          int command = in.getUnsignedByte(in.readerIndex());
          assertEquals(label, CommandType.name(command).toLowerCase(Locale.ROOT).replace('_', '-'));
          out.writeBytes(PacketBuffers.readRestBytes(in));
        }
      }
    }
  }
}
