package io.shardway.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.shardway.protocol.Packet;
import io.shardway.protocol.PacketDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PacketDecoder} framing a stream of small packets, as it does for every client command and
 * every backend row: {@value #PACKETS} COM_QUERY packets (a sysbench point select each, 40-byte
 * payloads) written into an {@link EmbeddedChannel} at once or in TCP-sized pieces that cut packets
 * in two. Reported per packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PacketDecoderBenchmark {
  static final int PACKETS = 256;
  private static final int COM_QUERY = 0x03;

  /** 0: the whole stream in one write; otherwise the size of each write. */
  @Param({"0", "1460"})
  public int chunk;

  private EmbeddedChannel channel;
  private ByteBuf stream;

  @Setup(Level.Trial)
  public void setUp() {
    channel = new EmbeddedChannel(new PacketDecoder(16L << 20));
    channel.config().setAllocator(PooledByteBufAllocator.DEFAULT);
    stream = PooledByteBufAllocator.DEFAULT.directBuffer();
    for (int i = 0; i < PACKETS; i++) {
      byte[] sql =
          ("SELECT c FROM sbtest1 WHERE id=" + (10_000 + i)).getBytes(StandardCharsets.UTF_8);
      stream.writeMediumLE(1 + sql.length).writeByte(0).writeByte(COM_QUERY).writeBytes(sql);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    stream.release();
    if (channel.finish()) {
      throw new IllegalStateException("decoder left messages behind");
    }
  }

  @Benchmark
  @OperationsPerInvocation(PACKETS)
  public int decode() {
    int length = stream.readableBytes();
    if (chunk == 0) {
      channel.writeInbound(stream.retainedDuplicate());
    } else {
      for (int offset = 0; offset < length; offset += chunk) {
        channel.writeInbound(stream.retainedSlice(offset, Math.min(chunk, length - offset)));
      }
    }
    int payloadBytes = 0;
    for (Packet packet = channel.readInbound(); packet != null; packet = channel.readInbound()) {
      payloadBytes += packet.payload().readableBytes();
      packet.release();
    }
    if (payloadBytes != length - 4 * PACKETS) {
      throw new IllegalStateException("decoded " + payloadBytes + " payload bytes of " + length);
    }
    return payloadBytes;
  }
}
