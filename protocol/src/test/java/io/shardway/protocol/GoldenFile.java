package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A capture under {@code src/test/resources/golden}: one frame a line, {@code <C|S> <label>: <hex
 * of header and payload>}, {@code #} comment lines. See {@code src/test/capture/capture.sh}.
 */
final class GoldenFile {
  static final List<String> NAMES =
      List.of(
          "cli-auth-switch.hex",
          "cli-caching-sha2-response.hex",
          "cli-ok-and-errors.hex",
          "cli-text-resultset.hex",
          "jdbc-binary-resultset.hex",
          "jdbc-text-resultset.hex");

  /** One captured frame; {@code frame} includes the 4-byte header. */
  record Frame(char direction, String label, byte[] frame) {
    int sequenceId() {
      return frame[3] & 0xFF;
    }

    /** A fresh buffer over the payload: decoders may consume it, nothing needs releasing. */
    ByteBuf payload() {
      return Unpooled.wrappedBuffer(frame, PacketFraming.HEADER_SIZE, payloadBytes().length);
    }

    byte[] payloadBytes() {
      return java.util.Arrays.copyOfRange(frame, PacketFraming.HEADER_SIZE, frame.length);
    }

    @Override
    public String toString() {
      return direction + " " + label + " #" + sequenceId();
    }
  }

  final String name;
  final List<Frame> frames;

  private GoldenFile(String name, List<Frame> frames) {
    this.name = name;
    this.frames = frames;
  }

  static GoldenFile read(String name) {
    try (InputStream in = GoldenFile.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + name);
      }
      List<Frame> frames = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(": ");
        byte[] frame = HexFormat.of().parseHex(line.substring(colon + 2).strip());
        int length = (frame[0] & 0xFF) | (frame[1] & 0xFF) << 8 | (frame[2] & 0xFF) << 16;
        if (length != frame.length - PacketFraming.HEADER_SIZE) {
          throw new IllegalArgumentException(name + ": header length " + length + " in: " + line);
        }
        frames.add(new Frame(line.charAt(0), line.substring(2, colon), frame));
      }
      return new GoldenFile(name, frames);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Frame> all(String label) {
    return frames.stream().filter(f -> f.label().equals(label)).toList();
  }

  Frame first(String label) {
    return all(label).get(0);
  }

  /** The bytes a peer sent, frame after frame, as they crossed the wire. */
  byte[] stream(char direction) {
    ByteBuf all = Unpooled.buffer();
    frames.stream().filter(f -> f.direction() == direction).forEach(f -> all.writeBytes(f.frame()));
    byte[] bytes = new byte[all.readableBytes()];
    all.readBytes(bytes);
    return bytes;
  }

  /** The capabilities both sides agreed on in this capture's handshake. */
  int capabilities() {
    return HandshakeV10.decode(first("handshake-v10").payload()).capabilities()
        & HandshakeResponse.decode(first("handshake-response").payload()).capabilities();
  }

  /** MariaDB's extended capabilities both sides agreed on, 0 unless both cleared CLIENT_MYSQL. */
  int extendedCapabilities() {
    HandshakeV10 server = HandshakeV10.decode(first("handshake-v10").payload());
    HandshakeResponse client = HandshakeResponse.decode(first("handshake-response").payload());
    if (CapabilityFlags.has(
        server.capabilities() | client.capabilities(), CapabilityFlags.CLIENT_MYSQL)) {
      return 0;
    }
    return server.extendedCapabilities() & client.extendedCapabilities();
  }

  @Override
  public String toString() {
    return name;
  }
}
